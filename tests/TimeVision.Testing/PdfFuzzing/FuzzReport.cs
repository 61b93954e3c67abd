using System.Globalization;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>What a fuzz campaign found, as text: how far mutants got, outcomes by code, by mutation, the slowest, the problems.</summary>
public static class FuzzReport
{
    /// <summary>Writes the report of <paramref name="runs"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="runs">The campaign's runs.</param>
    /// <param name="slowest">How many of the slowest runs to list.</param>
    public static void Write(TextWriter output, IReadOnlyList<FuzzRun> runs, int slowest = 5)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(runs);
        var count = runs.Count;
        output.WriteLine(Invariant($"{count} mutants: {Share(runs.Count(r => r.PassedInspect), count)} past inspect, {Share(runs.Count(r => r.Rendered), count)} rendered a page, {Share(runs.Count(r => r.HadFacts), count)} had facts."));
        output.WriteLine();
        output.WriteLine("| call | outcome | count |");
        output.WriteLine("|---|---|---|");
        foreach (var group in runs.SelectMany(r => r.Calls)
            .GroupBy(c => (c.Stage, c.Code))
            .OrderBy(g => g.Key.Stage).ThenByDescending(g => g.Count()))
        {
            output.WriteLine(Invariant($"| {group.Key.Stage.ToString().ToLowerInvariant()} | {group.Key.Code} | {group.Count()} |"));
        }

        output.WriteLine();
        output.WriteLine("| mutation | mutants | past inspect | rendered | facts |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var kind in Enum.GetValues<PdfMutationKind>())
        {
            var having = runs.Where(r => r.Mutant.Mutations.Any(m => m.Kind == kind)).ToList();
            output.WriteLine(Invariant($"| {kind} | {having.Count} | {having.Count(r => r.PassedInspect)} | {having.Count(r => r.Rendered)} | {having.Count(r => r.HadFacts)} |"));
        }

        output.WriteLine();
        output.WriteLine("Slowest:");
        foreach (var run in runs.OrderByDescending(r => r.Elapsed).Take(slowest))
        {
            output.WriteLine(Invariant($"  {run.Elapsed.TotalSeconds:0.00} s ({string.Join(", ", run.Calls.Select(c => $"{c.Name} {c.Code} {c.Elapsed.TotalSeconds:0.00} s"))}): {run.Mutant}"));
        }

        var failing = runs.Where(r => r.Problems.Count > 0).ToList();
        output.WriteLine();
        output.WriteLine(failing.Count == 0
            ? "No crash, no untyped failure, no call past its timeout."
            : Invariant($"{failing.Count} mutants with problems:"));
        foreach (var run in failing)
        {
            output.WriteLine(Invariant($"  {run.Mutant}"));
            foreach (var problem in run.Problems)
            {
                output.WriteLine(Invariant($"    {problem}"));
            }
        }
    }

    private static string Share(int part, int whole) =>
        Invariant($"{part} ({(whole == 0 ? 0 : 100.0 * part / whole):0}%)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
