using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision.Prompts;

/// <summary>
/// The prompt sets TimeVision ships (embedded <c>base</c> and <c>ft</c> for the minutes, <c>reading</c> for the features
/// task) and the <c>features</c> section that asks a set for the part's features, each replaceable by a folder of the same id under <see cref="VisionOptions.PromptDirectory"/>
/// holding <c>prompt.json</c>, <c>system.md</c> and <c>user.md</c>.
/// </summary>
public sealed class PromptCatalog
{
    /// <summary>The full prompt set for general models.</summary>
    public const string BaseSetId = "base";

    /// <summary>The compact prompt set for fine-tuned models.</summary>
    public const string FineTunedSetId = "ft";

    /// <summary>
    /// The set of the features task: the part's sheets in, its features out (the part-features contract, sizes in mm),
    /// no minutes. Training examples of <c>export-training --task features</c> carry it, and <c>eval --task features</c>
    /// and the model check's reading sample ask with it (<see cref="OpenAIFeatureReader"/>); the pipeline never serves it.
    /// </summary>
    public const string ReadingSetId = "reading";

    /// <summary>
    /// The section that asks for the part's features (<see cref="PromptSet.WithFeatures"/>): not a set of its own, since
    /// the pipeline needs the minutes too; it follows the texts of the sets <see cref="VisionOptions.ReadFeatures"/> names.
    /// </summary>
    public const string FeaturesSectionId = "features";

    private const string ResourcePrefix = "TimeVision.Core.Estimating.Vision.Prompts.";

    private readonly Dictionary<string, PromptSet> _sets;
    private readonly IOptionsMonitor<VisionOptions> _options;
    private readonly PromptSet _features;

    /// <summary>Loads the embedded sets and any overrides.</summary>
    /// <param name="options">Where overrides live and which set is forced, if any.</param>
    public PromptCatalog(IOptionsMonitor<VisionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _sets = new Dictionary<string, PromptSet>(StringComparer.Ordinal)
        {
            [BaseSetId] = LoadEmbedded(BaseSetId),
            [FineTunedSetId] = LoadEmbedded(FineTunedSetId),
            [ReadingSetId] = LoadEmbedded(ReadingSetId),
        };
        var features = LoadEmbedded(FeaturesSectionId);

        var folder = options.CurrentValue.PromptDirectory;
        if (!string.IsNullOrWhiteSpace(folder))
        {
            foreach (var setFolder in Directory.EnumerateDirectories(folder))
            {
                if (File.Exists(Path.Combine(setFolder, "prompt.json")))
                {
                    var set = LoadFolder(setFolder);
                    if (set.Id == FeaturesSectionId)
                    {
                        features = set;
                    }
                    else
                    {
                        _sets[set.Id] = set;
                    }
                }
            }
        }

        _features = features;
    }

    /// <summary>The <c>features</c> section, as shipped or as its folder replaces it.</summary>
    public PromptSet FeaturesSection => _features;

    /// <summary>A prompt set by id.</summary>
    /// <param name="id">The set's id.</param>
    /// <exception cref="KeyNotFoundException">No set has that id.</exception>
    public PromptSet Get(string id) =>
        _sets.TryGetValue(id, out var set)
            ? set
            : throw new KeyNotFoundException($"No prompt set '{id}'. Known: {string.Join(", ", _sets.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>
    /// The set a model is served with: <see cref="VisionOptions.PromptSet"/> when configured, else <c>ft</c> for a
    /// fine-tuned model (id starting <c>ft:</c>) and <c>base</c> for any other; asking for the part's features when
    /// <see cref="VisionOptions.ReadFeatures"/> names it; with the JSON shape appended when the model's reply format does
    /// not carry the schema.
    /// </summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="format">The reply format the request uses; by default the model's configured one.</param>
    public PromptSet ForModel(string modelId, ReplyFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var options = _options.CurrentValue;
        var forced = options.PromptSet;
        var set = string.IsNullOrWhiteSpace(forced) ? Get(ModelIds.IsFineTuned(modelId) ? FineTunedSetId : BaseSetId) : Get(forced);
        set = Names(options.ReadFeatures, set.Id) ? set.WithFeatures(_features) : set;
        set = Names(options.Grounding, set.Id) ? set.WithGrounding() : set;
        set = set.Id == BaseSetId ? set.WithHistoryExamples(options.HistoryExamples, options.HistoryExampleImages) : set;
        return ReplyFormats.PromptCarriesShape(format ?? options.For(modelId).Dialect.ResponseFormat) ? set.WithReplyShape() : set;
    }

    /// <summary>Whether a setting that lists set ids (comma-separated) names the set.</summary>
    private static bool Names(string? setting, string setId) =>
        (setting ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(setId, StringComparer.Ordinal);

    private static PromptSet LoadEmbedded(string id)
    {
        var assembly = Assembly.GetExecutingAssembly();
        return Parse(
            ReadResource(assembly, $"{ResourcePrefix}{id}/prompt.json"),
            ReadResource(assembly, $"{ResourcePrefix}{id}/system.md"),
            ReadResource(assembly, $"{ResourcePrefix}{id}/user.md"));
    }

    private static PromptSet LoadFolder(string folder) => Parse(
        File.ReadAllText(Path.Combine(folder, "prompt.json")),
        File.ReadAllText(Path.Combine(folder, "system.md")),
        File.ReadAllText(Path.Combine(folder, "user.md")));

    private static PromptSet Parse(string manifest, string system, string user)
    {
        var header = JsonSerializer.Deserialize<PromptManifest>(manifest, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("A prompt.json is empty.");
        if (string.IsNullOrWhiteSpace(header.Id) || string.IsNullOrWhiteSpace(header.Version))
        {
            throw new InvalidDataException("A prompt.json needs an id and a version.");
        }

        return new PromptSet(header.Id, header.Version, system.TrimEnd(), user.TrimEnd());
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded prompt resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record PromptManifest(string Id, string Version);
}
