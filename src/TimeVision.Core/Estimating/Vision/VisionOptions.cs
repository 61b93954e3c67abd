using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// The vision model and how it is called, bound from the <c>Vision</c> configuration section. The endpoint and key
/// also come from the environment variables <c>OPENAI_BASE_URL</c> and <c>OPENAI_API_KEY</c>, so one code path serves
/// OpenAI, Azure OpenAI's v1 endpoint (<c>https://RESOURCE.openai.azure.com/openai/v1/</c>) or any compatible server.
/// </summary>
public sealed class VisionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Vision";

    /// <summary>
    /// The model id, when set explicitly; it then wins over the registry's active model. Empty: the model activated
    /// with <c>model activate</c>, else <c>gpt-4o-2024-08-06</c>. A fine-tuned id (<c>ft:…</c>) selects the <c>ft</c> prompts.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>The API's base URL; empty means OpenAI's. Falls back to <c>OPENAI_BASE_URL</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key. Falls back to <c>OPENAI_API_KEY</c>. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Forces a prompt set by id; empty means: <c>ft</c> for fine-tuned models, <c>base</c> otherwise.</summary>
    public string? PromptSet { get; set; }

    /// <summary>
    /// Prompt sets (comma-separated ids) whose user text is followed by the facts read from the page's text layer
    /// (material, units, drawing number, diameters, threads, fits). Default <c>base</c>: the fine-tuned model never saw
    /// the section in training, so <c>ft</c> gets it only when named here. Empty turns grounding off.
    /// </summary>
    public string? Grounding { get; set; } = PromptCatalogDefaults.Grounding;

    /// <summary>
    /// Prompt sets (comma-separated ids) whose answer also reads the part's features (part type, material, stock, the
    /// features to machine with counts and sizes) for the process plan, in the same call as the minutes: the
    /// <c>features</c> section follows the set's texts and the reply carries <c>part_features</c>. Default <c>base</c>:
    /// the fine-tuned model answers in the shape it was trained on, so <c>ft</c> reads features only when named here.
    /// Empty turns it off.
    /// </summary>
    public string? ReadFeatures { get; set; } = PromptCatalogDefaults.ReadFeatures;

    /// <summary>
    /// How many similar past parts of the shop's history, with their facts and real times, follow the <c>base</c> prompt's
    /// user text (0, the default, turns the section off). The section has its own prompt hash.
    /// </summary>
    [Range(0, 10)]
    public int HistoryExamples { get; set; }

    /// <summary>Whether the history section also sends each past part's sheet as an image (more tokens).</summary>
    public bool HistoryExampleImages { get; set; }

    /// <summary>A folder whose subfolders (<c>base/</c>, <c>ft/</c>, …) replace the shipped prompt sets.</summary>
    public string? PromptDirectory { get; set; }

    /// <summary>
    /// The longest side of the image sent. GPT-4o-family models shrink anything larger to fit 2048×2048 with
    /// <c>detail: high</c>, so more is upload cost with no gain. Pages are rendered at this size directly (see
    /// <see cref="LargestImageLongSidePx"/>). Default 2048.
    /// </summary>
    [Range(256, 8192)]
    public int MaxImageLongSidePx { get; set; } = 2048;

    /// <summary>
    /// The most all instances together spend on model calls in a UTC day, in USD, at the prices of
    /// <c>Evaluation:Prices</c>. When it is spent, new documents are refused (HTTP 429 <c>daily_budget_spent</c>), pages
    /// already under way are stored failed with <c>budget_spent</c> and <c>retryable: true</c>, and the retry timer
    /// continues them the next day. Empty: no limit.
    /// </summary>
    [Range(0, 1_000_000)]
    public double? DailyBudgetUsd { get; set; }

    /// <summary>The most this process spends on model calls, in USD (the CLI's <c>--budget-usd</c>). Empty: no limit.</summary>
    [Range(0, 1_000_000)]
    public double? RunBudgetUsd { get; set; }

    /// <summary>The image <c>detail</c> of the first attempt: <c>high</c>, <c>low</c> or <c>auto</c>. Default <c>high</c>.</summary>
    [RegularExpression("^(high|low|auto)$")]
    public string Detail { get; set; } = "high";

    /// <summary>
    /// Ask for Structured Outputs (<c>response_format</c> with the contract's schema, strict). Default on. Off is the same
    /// as <see cref="ResponseFormat"/> <c>none</c>; <see cref="ResponseFormat"/>, when set, wins.
    /// </summary>
    public bool StructuredOutputs { get; set; } = true;

    /// <summary>
    /// How the reply's shape is asked for: <c>json_schema_strict</c>, <c>json_schema</c> (no strict mode, no
    /// <c>additionalProperties</c>), <c>json_object</c> or <c>none</c>; with the last two the prompt carries the JSON
    /// shape. Empty: from <see cref="StructuredOutputs"/>.
    /// </summary>
    [RegularExpression(ReplyFormats.Pattern)]
    public string? ResponseFormat { get; set; }

    /// <summary>The temperature for models that take one, or <c>none</c>. Reasoning models (<c>o*</c>, <c>gpt-5*</c>, <c>gpt-6*</c>) get none unless their own settings say otherwise. Default 0.</summary>
    public string? Temperature { get; set; } = "0";

    /// <summary>The <c>reasoning_effort</c> sent to reasoning models: <c>minimal</c>, <c>low</c>, <c>medium</c> or <c>high</c>. Empty sends none.</summary>
    [RegularExpression(ModelCallSettings.ReasoningEffortPattern)]
    public string? ReasoningEffort { get; set; }

    /// <summary>
    /// Upper bound on the reply's tokens, sent as <c>max_completion_tokens</c>. Default 4000: an estimate takes about
    /// 700, and the part's features (<see cref="ReadFeatures"/>) up to 30 of about 70 each; a cap costs nothing until
    /// it is used. Reasoning models get at least 25,000.
    /// </summary>
    [Range(256, 128_000)]
    public int MaxOutputTokens { get; set; } = 4000;

    /// <summary>
    /// How requests authenticate: <c>key</c> (the API key), <c>entra</c> (Microsoft Entra ID through
    /// <c>DefaultAzureCredential</c>, no key) or <c>auto</c>: the key when one is set, else Entra ID for an Azure
    /// endpoint (<c>*.openai.azure.com</c>, <c>*.cognitiveservices.azure.com</c>, <c>*.services.ai.azure.com</c>). Default <c>auto</c>.
    /// </summary>
    [RegularExpression("^(auto|key|entra)$")]
    public string Authentication { get; set; } = "auto";

    /// <summary>The token scope for Entra ID. Default <c>https://cognitiveservices.azure.com/.default</c>.</summary>
    public string TokenScope { get; set; } = "https://cognitiveservices.azure.com/.default";

    /// <summary>Time allowed for one HTTP request before it counts as timed out. Default 120 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries of one request after 408, 429, 5xx, timeouts and network errors. Default 4.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; it doubles with each retry, with jitter. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, including one a <c>Retry-After</c> header asks for. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>No retry starts once a request's tries and waits would pass this. Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Settings for particular models, over the ones above. The key is the model id, or any name when the entry gives
    /// the id in <see cref="VisionModelSettings.Id"/>: fine-tuned ids (<c>ft:…</c>) hold colons, which configuration
    /// reads as section separators, so they must be given that way.
    /// </summary>
    public Dictionary<string, VisionModelSettings> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The longest side of the page images the pipeline renders and keeps: the largest image any model configured here
    /// is sent (<see cref="MaxImageLongSidePx"/> and each entry's in <see cref="Models"/>). Each model then gets the page
    /// image itself, or a downscale of it, and no page is rendered larger than a model can use only to be shrunk.
    /// </summary>
    public int LargestImageLongSidePx() =>
        Models.Values.Select(model => model.MaxImageLongSidePx ?? MaxImageLongSidePx).Append(MaxImageLongSidePx).Max();

    /// <summary>How <paramref name="modelId"/> is called: its own settings, else its family's defaults, else the settings above.</summary>
    /// <param name="modelId">The model id.</param>
    public ModelCallSettings For(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var (name, own) = FindSettings(modelId);
        var reasoning = ModelFamilies.IsReasoning(modelId);
        var format = NonEmpty(own?.ResponseFormat) is { } ownFormat ? ReplyFormats.Parse(ownFormat)
            : own?.StructuredOutputs is { } ownStructured ? (ownStructured ? ReplyFormat.JsonSchemaStrict : ReplyFormat.None)
            : NonEmpty(ResponseFormat) is { } sharedFormat ? ReplyFormats.Parse(sharedFormat)
            : StructuredOutputs ? ReplyFormat.JsonSchemaStrict : ReplyFormat.None;
        var temperature = ModelCallSettings.ParseTemperature(NonEmpty(own?.Temperature) ?? (reasoning ? ModelCallSettings.NotSent : Temperature));
        var maxTokens = own?.MaxOutputTokens is { } ownMax ? (ownMax == 0 ? (int?)null : ownMax)
            : reasoning ? Math.Max(MaxOutputTokens, ModelFamilies.ReasoningMaxOutputTokens) : MaxOutputTokens;
        var effort = NonEmpty(own?.ReasoningEffort) ?? (reasoning ? NonEmpty(ReasoningEffort) : null);
        effort = effort == ModelCallSettings.NotSent ? null : effort;
        return new ModelCallSettings(
            modelId,
            name,
            own?.MaxImageLongSidePx ?? MaxImageLongSidePx,
            own?.Detail ?? Detail,
            new ModelDialect(format, temperature, effort, maxTokens),
            own?.RetiresOn);
    }

    /// <summary>The entry whose <see cref="VisionModelSettings.Id"/> is the model, else the one keyed by it.</summary>
    private (string? Name, VisionModelSettings? Settings) FindSettings(string modelId)
    {
        foreach (var (name, settings) in Models)
        {
            if (string.Equals(settings.Id, modelId, StringComparison.Ordinal))
            {
                return (name, settings);
            }
        }

        return Models.TryGetValue(modelId, out var keyed) && string.IsNullOrEmpty(keyed.Id) ? (modelId, keyed) : (null, null);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Per-model settings; each one left empty falls back to the model family's defaults, then to <see cref="VisionOptions"/>.</summary>
public sealed class VisionModelSettings
{
    /// <summary>The model id these settings are for, when the entry's key is a name (required for ids with colons, such as <c>ft:…</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The longest side of the image sent to this model.</summary>
    [Range(256, 8192)]
    public int? MaxImageLongSidePx { get; set; }

    /// <summary>The image detail of the first attempt.</summary>
    [RegularExpression("^(high|low|auto)$")]
    public string? Detail { get; set; }

    /// <summary>Whether this deployment supports Structured Outputs; <see cref="ResponseFormat"/> wins when set.</summary>
    public bool? StructuredOutputs { get; set; }

    /// <summary><c>json_schema_strict</c>, <c>json_schema</c>, <c>json_object</c> or <c>none</c>.</summary>
    [RegularExpression(ReplyFormats.Pattern)]
    public string? ResponseFormat { get; set; }

    /// <summary>A temperature, or <c>none</c> to send none.</summary>
    public string? Temperature { get; set; }

    /// <summary>The <c>reasoning_effort</c>: <c>minimal</c>, <c>low</c>, <c>medium</c>, <c>high</c>, or <c>none</c> to send none.</summary>
    [RegularExpression(ModelCallSettings.ReasoningEffortPattern)]
    public string? ReasoningEffort { get; set; }

    /// <summary>The output-token cap, sent as <c>max_completion_tokens</c>; 0 sends none.</summary>
    [Range(0, 128_000)]
    public int? MaxOutputTokens { get; set; }

    /// <summary>When the model retires, if its provider does not say (<c>YYYY-MM-DD</c>).</summary>
    public DateOnly? RetiresOn { get; set; }
}

/// <summary>Defaults shared by the options and the docs.</summary>
internal static class PromptCatalogDefaults
{
    /// <summary>Grounding is on for the <c>base</c> set only.</summary>
    public const string Grounding = "base";

    /// <summary>The <c>base</c> set reads features; the fine-tune keeps its trained shape.</summary>
    public const string ReadFeatures = "base";
}
