using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;

namespace TimeVision.Cli.Tests;

/// <summary>The outcome of one <c>timevision</c> invocation.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
}

/// <summary>Runs <c>timevision</c> in-process (fast) or as a real child process (the whole program).</summary>
internal static class CliRunner
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await TimeVisionCommandLine.InvokeAsync(
            args, new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunProcessAsync(params string[] args) => RunProcessAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs the CLI as a child process with <paramref name="environment"/> added (null removes a variable).</summary>
    public static async Task<CliRun> RunProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the CLI as a child process and leaves it running (its output is redirected).</summary>
    public static Process Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "OPENAI_API_KEY", "OPENAI_BASE_URL", "Vision__ApiKey", "Vision__Endpoint", "Vision__Model" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "timevision.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
