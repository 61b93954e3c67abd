using TimeVision.Testing.PdfFuzzing;

namespace TimeVision.Core.Tests.Rendering.Fuzzing;

/// <summary>What the fuzz probe counts as a problem: an escaped exception, a failure without a usable code, an overrun.</summary>
public sealed class FuzzRunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private static readonly PdfMutant Mutant = new("shaft.pdf", 3, [new PdfMutation(PdfMutationKind.Truncation, "cut to 10 of 20 bytes")], []);

    public static TheoryData<string, FuzzCall, string?> Calls => new()
    {
        { "a page rendered", Call(FuzzStage.Render, FuzzCall.Ok, null), null },
        { "a typed failure", Call(FuzzStage.Inspect, "corrupt", "The PDF is damaged."), null },
        { "a typed timeout just inside the margin", Call(FuzzStage.Render, "render_timeout", "Stopped.", Limit + TimeSpan.FromSeconds(4.9)), null },
        { "a page without a text layer", Call(FuzzStage.Facts, "no_text_layer", null), null },
        { "an escaped exception", Call(FuzzStage.Facts, FuzzCall.Crash, "System.Xml.XmlException: bad"), "facts p1 threw: System.Xml.XmlException: bad" },
        { "a failure without a message", Call(FuzzStage.Inspect, "corrupt", " "), "inspect failed without a usable code" },
        { "Poppler missing", Call(FuzzStage.Render, "renderer_missing", "Install Poppler."), "render p1 failed without a usable code" },
        { "a call past its limit and margin", Call(FuzzStage.Render, FuzzCall.Ok, null, Limit + TimeSpan.FromSeconds(6)), "render p1 took 11.0 s, past its 5 s limit" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_run_s_problems_are_exactly_the_calls_that_must_not_happen(string description, FuzzCall call, string? problem)
    {
        var run = new FuzzRun(Mutant, [call]);

        if (problem is null)
        {
            Assert.True(run.Problems.Count == 0, $"{description}: {string.Join("; ", run.Problems)}");
        }
        else
        {
            Assert.StartsWith(problem, Assert.Single(run.Problems), StringComparison.Ordinal);
        }
    }

    private static FuzzCall Call(FuzzStage stage, string code, string? detail, TimeSpan? elapsed = null) =>
        new(stage, stage == FuzzStage.Inspect ? null : 1, code, elapsed ?? TimeSpan.FromSeconds(1), Limit, detail);
}
