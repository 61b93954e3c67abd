using TimeVision.Testing.PdfFuzzing;

namespace TimeVision.Core.Tests.Rendering.Fuzzing;

/// <summary>
/// Mutation fuzzing in CI: the same 100 mutants of the shared drawings (of <c>tests/samples</c> without them) on every
/// run, through inspect, render and facts with Core's real services and short Poppler timeouts. The report in the test
/// output names each mutant by drawing and seed; <c>TimeVision.Benchmarks fuzz --seed S --count 1</c> makes it again.
/// </summary>
public sealed class PdfMutationFuzzTests
{
    /// <summary>Seeds 1–100: among them the mutants whose text layers had control characters (seeds 1 and 99).</summary>
    private const int FirstSeed = 1;

    private const int Mutants = 100;

    [Fact]
    public async Task A_hundred_mutated_drawings_never_crash_never_fail_without_a_code_and_never_run_past_their_timeouts()
    {
        var corpus = FuzzCorpus.Load();
        using var probe = new PdfFuzzProbe(PdfFuzzProbe.DefaultCallTimeout);

        var runs = await FuzzCampaign.RunAsync(corpus, probe, FirstSeed, Mutants, parallelism: 2, TestContext.Current.CancellationToken);

        using var report = new StringWriter();
        FuzzReport.Write(report, runs);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.True(runs.All(r => r.Problems.Count == 0), report.ToString());

        // The mutator knows enough of PDF that most mutants get past the first check and the damage reaches the renderer
        // and the text layer (four in five and two in three when this was written).
        Assert.True(runs.Count(r => r.Rendered) >= Mutants * 6 / 10, report.ToString());
        Assert.True(runs.Count(r => r.HadFacts) >= Mutants * 4 / 10, report.ToString());
    }
}
