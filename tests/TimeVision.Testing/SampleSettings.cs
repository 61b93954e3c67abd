using System.Text.Json;

namespace TimeVision.Testing;

/// <summary>The app settings in <c>local.settings.sample.json</c>, as written (<c>Section__Key</c>).</summary>
public static class SampleSettings
{
    /// <summary>Every setting, name to value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Values() =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")))
            .RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.GetString()))];

    /// <summary>The same as configuration keys (<c>Section:Key</c>), as the host reads them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> AsConfiguration() =>
        [.. Values().Select(p => new KeyValuePair<string, string?>(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value))];
}
