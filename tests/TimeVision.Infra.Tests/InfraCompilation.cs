using System.Reflection;
using System.Text.Json;
using TimeVision.Testing;

namespace TimeVision.Infra.Tests;

/// <summary>
/// <c>infra/main.bicep</c> and every parameter file in <c>infra/checks/</c> (<c>build-params</c>: the template and the
/// parameters together), compiled once per test run in one Bicep CLI process for all the infra tests. Separate
/// <c>bicep build</c> and <c>build-params</c> processes compiled <c>main.bicep</c> five times, each paying the CLI's
/// start; in one process the first file takes what one process did and each further file under a second. Any error or
/// warning fails the compile, as it fails <c>infra/scripts/check-templates.sh</c>.
/// </summary>
internal sealed class InfraCompilation
{
    private static readonly Lazy<InfraCompilation> Compiled = new(Compile);

    private InfraCompilation(JsonElement main, IReadOnlyDictionary<string, (JsonElement Template, JsonElement Parameters)> checks)
    {
        Main = main;
        Checks = checks;
    }

    /// <summary>The run's compilation, made on first use.</summary>
    public static InfraCompilation Current => Compiled.Value;

    /// <summary>The Bicep CLI restored from NuGet (<c>Azure.Bicep.CommandLine.linux-x64</c>, the project's <c>BicepPath</c>).</summary>
    public static string BicepPath =>
        typeof(InfraCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    /// <summary><c>main.bicep</c> as an ARM template.</summary>
    public JsonElement Main { get; }

    /// <summary>Each parameter file of <c>infra/checks/</c> by file name: the template it uses and its parameters file.</summary>
    public IReadOnlyDictionary<string, (JsonElement Template, JsonElement Parameters)> Checks { get; }

    private static InfraCompilation Compile()
    {
        var infra = Path.Combine(RepositoryPaths.Root, "infra");
        using var bicep = new BicepJsonRpc(BicepPath);
        var main = Succeeded(bicep.Call("bicep/compile", new { path = Path.Combine(infra, "main.bicep") }), "main.bicep");
        var checks = new Dictionary<string, (JsonElement, JsonElement)>(StringComparer.Ordinal);
        foreach (var file in CheckDeployment.Files)
        {
            var compiled = Succeeded(bicep.Call("bicep/compileParams", new { path = Path.Combine(infra, "checks", file), parameterOverrides = new { } }), file);
            checks[file] = (Parse(compiled, "template"), Parse(compiled, "parameters"));
        }

        return new InfraCompilation(Parse(main, "contents"), checks);
    }

    private static JsonElement Succeeded(JsonElement result, string file)
    {
        var diagnostics = result.GetProperty("diagnostics");
        if (!result.GetProperty("success").GetBoolean() || diagnostics.GetArrayLength() > 0)
        {
            throw new InvalidOperationException($"bicep compiled {file} with: {diagnostics}");
        }

        return result;
    }

    private static JsonElement Parse(JsonElement result, string property)
    {
        using var document = JsonDocument.Parse(result.GetProperty(property).GetString()!);
        return document.RootElement.Clone();
    }
}
