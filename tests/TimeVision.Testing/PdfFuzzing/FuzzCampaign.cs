namespace TimeVision.Testing.PdfFuzzing;

/// <summary>Runs a range of seeds' mutants through a <see cref="PdfFuzzProbe"/>, a bounded number at a time.</summary>
public static class FuzzCampaign
{
    /// <summary>The runs of mutants <paramref name="firstSeed"/> to <paramref name="firstSeed"/> + <paramref name="count"/> − 1, in seed order.</summary>
    /// <param name="corpus">The drawings to mutate.</param>
    /// <param name="probe">Runs each mutant.</param>
    /// <param name="firstSeed">The first seed.</param>
    /// <param name="count">How many mutants.</param>
    /// <param name="parallelism">How many run at once.</param>
    /// <param name="cancellationToken">Stops the campaign.</param>
    /// <param name="progress">Told of each run as it ends, if given.</param>
    public static async Task<IReadOnlyList<FuzzRun>> RunAsync(
        FuzzCorpus corpus,
        PdfFuzzProbe probe,
        int firstSeed,
        int count,
        int parallelism,
        CancellationToken cancellationToken,
        Action<FuzzRun>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(probe);
        using var folder = new TempFolder();
        var runs = new FuzzRun[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var run = await probe.RunAsync(corpus.Mutant(unchecked(firstSeed + index)), folder.Path, token);
                runs[index] = run;
                progress?.Invoke(run);
            });
        return runs;
    }
}
