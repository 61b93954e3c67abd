using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TimeVision.Cli.Commands;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Cli.Tests;

/// <summary>The outcome of one <c>timevision</c> invocation.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
}

/// <summary>
/// Runs <c>timevision</c> in this process (the default: no process to start, and the code is compiled once for the
/// whole run) or as a real child process, for tests whose subject is the process itself: its exit, a kill, the
/// environment it reads, <c>serve</c> listening. Both see the same environment: the test's variables, without those
/// that point at a model, plus the ones a test gives.
/// </summary>
internal static class CliRunner
{
    /// <summary>The variables a command is never given from the test's own environment.</summary>
    private static readonly string[] ModelVariables = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "Vision__ApiKey", "Vision__Endpoint", "Vision__Model"];

    public static Task<CliRun> InvokeAsync(params string[] args) => InvokeAsync(new Dictionary<string, string?>(), args);

    /// <summary>
    /// Runs the CLI in this process, with output and exit code captured, as if <paramref name="environment"/> were
    /// added to its environment (null removes a variable); other invocations may run beside it with their own.
    /// </summary>
    public static async Task<CliRun> InvokeAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await TimeVisionCommandLine.InvokeAsync(
            args, AsSettings(environment), new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
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
        foreach (var name in ModelVariables)
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

    /// <summary>
    /// Environment variables as the configuration keys they become (<c>Vision__Model</c> is <c>Vision:Model</c>), with
    /// the model variables hidden unless given.
    /// </summary>
    private static Dictionary<string, string?> AsSettings(IReadOnlyDictionary<string, string?> environment)
    {
        var settings = ModelVariables.ToDictionary(KeyOf, _ => (string?)null, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            settings[KeyOf(name)] = value;
        }

        return settings;
    }

    private static string KeyOf(string variable) => variable.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
}
