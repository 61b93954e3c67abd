using System.Text.Json;

namespace TimeVision.Infra.Tests;

/// <summary><c>infra/main.bicep</c> compiled to an ARM template by the Bicep CLI from NuGet, once per test run (<see cref="InfraCompilation"/>).</summary>
internal static class InfraTemplate
{
    public static JsonElement Root => InfraCompilation.Current.Main;

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
        ResourcesOf(Module(module)).Where(r => r.GetProperty("type").GetString() == type);

    /// <summary>
    /// A template's resources: an array, or, in a module that imports types or functions (language version 2.0), an
    /// object keyed by symbolic name.
    /// </summary>
    public static IEnumerable<JsonElement> ResourcesOf(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(r => r.Value) : resources.EnumerateArray();
    }

    /// <summary>
    /// The app's settings as the hosting module <paramref name="module"/> (<c>containerapp</c> or <c>functionapp</c>) gives
    /// them, name to value (values may be ARM expressions): the shared ones (<c>app-settings.bicep</c>'s function) and
    /// the module's own (<c>hostingSettings</c>; an entry chosen by a condition is that whole expression).
    /// </summary>
    public static IReadOnlyDictionary<string, string> AppSettings(string module = "functionapp")
    {
        var template = Module(module);
        var shared = template.GetProperty("functions").EnumerateArray().Single()
            .GetProperty("members").GetProperty("appSettings").GetProperty("output").GetProperty("value").EnumerateArray();
        var own = template.GetProperty("variables").GetProperty("hostingSettings").EnumerateArray();
        return shared.Concat(own).ToDictionary(
            s => s.ValueKind == JsonValueKind.String ? SettingNamed(s.GetString()!) : s.GetProperty("name").GetString()!,
            s => s.ValueKind == JsonValueKind.String ? s.GetString()! : s.GetProperty("value").ToString());
    }

    private static string SettingNamed(string expression) =>
        System.Text.RegularExpressions.Regex.Match(expression, @"createObject\('name', '([^']+)'").Groups[1].Value is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException($"No setting name in {expression}");
}
