using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.Vision;

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

    /// <summary>A folder whose subfolders (<c>base/</c>, <c>ft/</c>, …) replace the shipped prompt sets.</summary>
    public string? PromptDirectory { get; set; }

    /// <summary>
    /// The longest side of the image sent. GPT-4o-family models shrink anything larger to fit 2048×2048 with
    /// <c>detail: high</c>, so more is upload cost with no gain. Default 2048.
    /// </summary>
    [Range(256, 8192)]
    public int MaxImageLongSidePx { get; set; } = 2048;

    /// <summary>The image <c>detail</c> of the first attempt: <c>high</c>, <c>low</c> or <c>auto</c>. Default <c>high</c>.</summary>
    [RegularExpression("^(high|low|auto)$")]
    public string Detail { get; set; } = "high";

    /// <summary>Ask for Structured Outputs (<c>response_format</c> with the contract's schema, strict). Default on.</summary>
    public bool StructuredOutputs { get; set; } = true;

    /// <summary>Upper bound on the reply's tokens. Default 2000.</summary>
    [Range(256, 32768)]
    public int MaxOutputTokens { get; set; } = 2000;

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

    /// <summary>Settings for particular models, by model id, over the ones above.</summary>
    public Dictionary<string, VisionModelSettings> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>The image size, detail and Structured Outputs setting for <paramref name="modelId"/>.</summary>
    /// <param name="modelId">The model id.</param>
    public (int MaxImageLongSidePx, string Detail, bool StructuredOutputs) For(string modelId)
    {
        var overrides = Models.GetValueOrDefault(modelId);
        return (
            overrides?.MaxImageLongSidePx ?? MaxImageLongSidePx,
            overrides?.Detail ?? Detail,
            overrides?.StructuredOutputs ?? StructuredOutputs);
    }
}

/// <summary>Per-model settings; each one left empty falls back to <see cref="VisionOptions"/>.</summary>
public sealed class VisionModelSettings
{
    /// <summary>The longest side of the image sent to this model.</summary>
    [Range(256, 8192)]
    public int? MaxImageLongSidePx { get; set; }

    /// <summary>The image detail of the first attempt.</summary>
    [RegularExpression("^(high|low|auto)$")]
    public string? Detail { get; set; }

    /// <summary>Whether this deployment supports Structured Outputs.</summary>
    public bool? StructuredOutputs { get; set; }
}

/// <summary>Defaults shared by the options and the docs.</summary>
internal static class PromptCatalogDefaults
{
    /// <summary>Grounding is on for the <c>base</c> set only.</summary>
    public const string Grounding = "base";
}
