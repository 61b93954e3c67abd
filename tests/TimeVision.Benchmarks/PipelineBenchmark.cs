using System.Diagnostics;
using System.Globalization;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Benchmarks;

/// <summary>
/// Times <c>timevision estimate</c> on the 5-sheet <c>nfr-rear-upright.pdf</c> with the fake model answering every page
/// after a fixed delay D, and reports elapsed ÷ D: sequential pages would take at least 5 D. For comparison, in the
/// same run: the same command with one page in flight, and <c>timevision render</c> alone (the rendering share).
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var delays = (args is ["--delay", var list] ? list : "3,10")
            .Split(',')
            .Select(value => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)));
        foreach (var delay in delays)
        {
            if (await RunOnceAsync(delay) is var exitCode and not 0)
            {
                return exitCode;
            }
        }

        return 0;
    }

    private static async Task<int> RunOnceAsync(TimeSpan delay)
    {
        var folder = SharedDrawings.Folder;
        if (folder is null)
        {
            await Console.Error.WriteLineAsync("The shared drawing corpus (../shared/drawings) is not here.");
            return 2;
        }

        var pdf = Path.Combine(folder, "nfr-rear-upright.pdf");
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Fallback = _ => FakeReply.Slow(SampleEstimates.ShaftJson(), delay);
        using var work = new TempFolder();
        var environment = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = FakeOpenAIServer.ApiKey,
            ["OPENAI_BASE_URL"] = server.BaseUrl.ToString(),
        };

        var render = await TimeAsync(environment, "render", pdf, "--out", Path.Combine(work.Path, "pages"));
        var parallel = await TimeAsync(environment, "estimate", pdf, "--data", Path.Combine(work.Path, "parallel"), "--json");
        var sequential = await TimeAsync(
            new Dictionary<string, string?>(environment) { ["Pipeline__MaxPagesInFlight"] = "1" },
            "estimate", pdf, "--data", Path.Combine(work.Path, "sequential"), "--json");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timevision estimate nfr-rear-upright.pdf (5 sheets), fake model delay D = {delay.TotalSeconds:0.0} s, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  default (8 pages in flight): {parallel.TotalSeconds,6:0.00} s = {parallel / delay:0.00} D"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one page in flight:          {sequential.TotalSeconds,6:0.00} s = {sequential / delay:0.00} D"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  timevision render alone:     {render.TotalSeconds,6:0.00} s = {render / delay:0.00} D (process start, inspection, 5 pages rendered)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  default minus rendering:     {(parallel - render) / delay:0.00} D; speed-up over one page in flight {sequential / parallel:0.00}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  model requests: {server.Requests.Count} (5 per estimate run)"));
        return 0;
    }

    private static async Task<TimeSpan> TimeAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "timevision.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"timevision {args[0]} exited {process.ExitCode}: {await stderr}");
        }

        _ = await stdout;
        return stopwatch.Elapsed;
    }
}
