using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// The cutting data and work centres a plan uses: the shipped defaults (embedded <c>cutting-data.json</c> and
/// <c>work-centres.json</c>), with a shop's override merged over them from a file given by name or, else, from the
/// same file name in the data folder. The merged version is <c>defaults+override</c>.
/// </summary>
public static class PlanningData
{
    /// <summary>The override file's name in the data folder for cutting data.</summary>
    public const string CuttingDataFileName = "cutting-data.json";

    /// <summary>The override file's name in the data folder for work centres.</summary>
    public const string WorkCentresFileName = "work-centres.json";

    private static readonly Lazy<CuttingDataTable> DefaultCuttingData = new(() => Deserialize<CuttingDataTable>(Resource(CuttingDataFileName)));
    private static readonly Lazy<WorkCentreList> DefaultWorkCentres = new(() => Deserialize<WorkCentreList>(Resource(WorkCentresFileName)));

    /// <summary>The shipped cutting data.</summary>
    public static CuttingDataTable DefaultCutting => DefaultCuttingData.Value;

    /// <summary>The shipped work centres (the shop's seed).</summary>
    public static WorkCentreList DefaultCentres => DefaultWorkCentres.Value;

    /// <summary>The cutting data with the override from <paramref name="file"/>, else from the data folder's file, else the defaults.</summary>
    public static Task<InputFileResult<CuttingDataTable>> LoadCuttingDataAsync(string? file, string? dataDirectory, CancellationToken cancellationToken) =>
        LoadAsync<CuttingDataTable>(file, dataDirectory, CuttingDataFileName, t => t.Version, cancellationToken);

    /// <summary>The work centres with the override from <paramref name="file"/>, else from the data folder's file, else the defaults.</summary>
    public static Task<InputFileResult<WorkCentreList>> LoadWorkCentresAsync(string? file, string? dataDirectory, CancellationToken cancellationToken) =>
        LoadAsync<WorkCentreList>(file, dataDirectory, WorkCentresFileName, t => t.Version, cancellationToken);

    /// <summary>Merges an override (JSON text) over the defaults of <paramref name="resourceName"/>.</summary>
    /// <typeparam name="T">The table's contract.</typeparam>
    public static InputFileResult<T> Merge<T>(string resourceName, string overrideJson, string name)
        where T : class
    {
        var overlay = ParseOverride(overrideJson, name);
        return overlay.Value is { } parsed ? Merge<T>(resourceName, parsed, name) : InputFileResult<T>.Failure(overlay.Error!.Code, overlay.Error.Message);
    }

    /// <summary>An override's JSON text as an object (comments and trailing commas allowed), or why it is not one.</summary>
    /// <param name="overrideJson">The override.</param>
    /// <param name="name">Its name in messages.</param>
    public static InputFileResult<JsonObject> ParseOverride(string overrideJson, string name)
    {
        try
        {
            return JsonNode.Parse(overrideJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false }) is JsonObject overlay
                ? InputFileResult<JsonObject>.Success(overlay)
                : InputFileResult<JsonObject>.Failure("invalid_json", $"{name}: not a JSON object.");
        }
        catch (JsonException e)
        {
            return InputFileResult<JsonObject>.Failure("invalid_json", $"{name}{(e.LineNumber is { } l ? $" line {l + 1}" : string.Empty)}: not valid JSON.");
        }
    }

    /// <summary>Merges an override (a JSON object, left unchanged) over the defaults of <paramref name="resourceName"/>.</summary>
    /// <typeparam name="T">The table's contract.</typeparam>
    public static InputFileResult<T> Merge<T>(string resourceName, JsonObject overlay, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(overlay);
        if (overlay["version"] is not JsonValue version || version.GetValueKind() != JsonValueKind.String)
        {
            return InputFileResult<T>.Failure("invalid_value", $"{name}: field $.version: an override needs a version string, which every plan records.");
        }

        if (JsonOverlay.FirstBadNumber(overlay) is { } bad)
        {
            return InputFileResult<T>.Failure("invalid_value", $"{name}: {bad}");
        }

        var defaults = Resource(resourceName);
        var merged = JsonOverlay.Merge(defaults, overlay, $"shop override {version}");
        merged["version"] = $"{defaults["version"]}+{version}";
        return JsonInputFile.Parse<T>(merged.ToJsonString(), name, _ => null);
    }

    private static async Task<InputFileResult<T>> LoadAsync<T>(
        string? file, string? dataDirectory, string fileName, Func<T, string> version, CancellationToken cancellationToken)
        where T : class
    {
        var path = file ?? (dataDirectory is null ? null : Path.Combine(dataDirectory, fileName));
        if (path is null || (file is null && !File.Exists(path)))
        {
            return InputFileResult<T>.Success(Deserialize<T>(Resource(fileName)));
        }

        if (!File.Exists(path))
        {
            return InputFileResult<T>.Failure("file_not_found", $"'{path}' does not exist.");
        }

        return Merge<T>(fileName, await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path));
    }

    private static JsonObject Resource(string fileName)
    {
        var name = $"TimeVision.Core.Estimating.ProcessPlanning.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static T Deserialize<T>(JsonObject json) => json.Deserialize<T>(PlanningJson.Options)
        ?? throw new InvalidOperationException("An embedded planning table is empty.");
}
