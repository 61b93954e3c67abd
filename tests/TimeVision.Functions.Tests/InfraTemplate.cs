using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using TimeVision.Testing;

namespace TimeVision.Functions.Tests;

/// <summary><c>infra/main.bicep</c> compiled to an ARM template by the Bicep CLI from NuGet, once per test run.</summary>
internal static class InfraTemplate
{
    private static readonly Lazy<JsonElement> Compiled = new(Compile);

    public static JsonElement Root => Compiled.Value;

    public static string BicepPath =>
        typeof(InfraTemplate).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    /// <summary>
    /// The module deployment named <paramref name="module"/>, or <c>module-…</c> when its name carries a suffix
    /// (<c>openai-access-&lt;token&gt;</c>): its condition, scope and parameters as <c>main.bicep</c> passes them.
    /// </summary>
    public static JsonElement Deployment(string module) =>
        Root.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments"
                && r.GetProperty("name").GetString() is { } name
                && (name == module || name.StartsWith($"[format('{module}-{{0}}', ", StringComparison.Ordinal)));

    /// <summary>The template of the module deployment named <paramref name="module"/>.</summary>
    public static JsonElement Module(string module) => Deployment(module).GetProperty("properties").GetProperty("template");

    /// <summary>The resources of type <paramref name="type"/> in a module.</summary>
    public static IEnumerable<JsonElement> Resources(string module, string type) =>
        Module(module).GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == type);

    /// <summary>The Function App's app settings, name to value (values may be ARM expressions).</summary>
    public static IReadOnlyDictionary<string, string> AppSettings() =>
        Resources("functionapp", "Microsoft.Web/sites").Single()
            .GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    private static JsonElement Compile()
    {
        var start = new ProcessStartInfo(BicepPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"), "--stdout" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {BicepPath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || stderr.Length > 0)
        {
            throw new InvalidOperationException($"bicep build exited {process.ExitCode}: {stderr}");
        }

        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }
}
