using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>How a page's estimate ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PageEstimateStatus>))]
public enum PageEstimateStatus
{
    /// <summary>A valid estimate.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The model refused the page, even after a retry with <c>detail: auto</c>.</summary>
    [JsonStringEnumMemberName("blocked")]
    Blocked,

    /// <summary>No valid estimate: the API failed or the replies were not valid estimates.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Rendered, facts read, never sent to a model: a page of an imported document (<see cref="DocumentStatus.Imported"/>).</summary>
    [JsonStringEnumMemberName("not_estimated")]
    NotEstimated,
}

/// <summary>Why a page has no estimate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VisionErrorCode>))]
public enum VisionErrorCode
{
    /// <summary>The model refused.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>The replies were not JSON or broke the estimate contract.</summary>
    [JsonStringEnumMemberName("invalid_reply")]
    InvalidReply,

    /// <summary>429 until the retries ran out.</summary>
    [JsonStringEnumMemberName("rate_limited")]
    RateLimited,

    /// <summary>5xx until the retries ran out.</summary>
    [JsonStringEnumMemberName("service_error")]
    ServiceError,

    /// <summary>No reply within the request timeout, on every try.</summary>
    [JsonStringEnumMemberName("timeout")]
    Timeout,

    /// <summary>The endpoint could not be reached.</summary>
    [JsonStringEnumMemberName("network_error")]
    NetworkError,

    /// <summary>The API rejected the request itself (400, 404, 422): a configuration or deployment problem.</summary>
    [JsonStringEnumMemberName("request_rejected")]
    RequestRejected,

    /// <summary>
    /// The API rejected a parameter the request sent (400 <c>unsupported_parameter</c>): the model's settings must
    /// change. Never retried, never stored as the page's result.
    /// </summary>
    [JsonStringEnumMemberName("unsupported_parameter")]
    UnsupportedParameter,

    /// <summary>The API rejected the key (401, 403).</summary>
    [JsonStringEnumMemberName("unauthorized")]
    Unauthorized,

    /// <summary>The offline estimate needs a text layer and the page has none.</summary>
    [JsonStringEnumMemberName("no_text_layer")]
    NoTextLayer,

    /// <summary>The offline estimate needs a text layer and the page's could not be read (damaged, out of time or memory).</summary>
    [JsonStringEnumMemberName("text_layer_unreadable")]
    TextLayerUnreadable,

    /// <summary>The <c>history</c> estimator found no labelled past part it may use (no history yet, or all held out).</summary>
    [JsonStringEnumMemberName("no_history")]
    NoHistory,

    /// <summary>A spend budget (<c>Vision:DailyBudgetUsd</c>, or the run's) is spent: the page was not sent.</summary>
    [JsonStringEnumMemberName("budget_spent")]
    BudgetSpent,

    /// <summary>A spend budget is set, but the model has no price to count its calls by: the page was not sent.</summary>
    [JsonStringEnumMemberName("unpriced_model")]
    UnpricedModel,
}

/// <summary>Why a page has no estimate, for a person.</summary>
/// <param name="Code">A stable code.</param>
/// <param name="Message">What happened.</param>
public sealed record VisionError(VisionErrorCode Code, string Message)
{
    /// <summary>The request parameter the API rejected, for <see cref="VisionErrorCode.UnsupportedParameter"/>.</summary>
    public string? Parameter { get; init; }

    /// <summary>The setting to change, and its value, for <see cref="VisionErrorCode.UnsupportedParameter"/>.</summary>
    public string? Setting { get; init; }
}

/// <summary>Everything about one page's trip to the vision model.</summary>
public sealed record PageEstimateResult
{
    /// <summary>
    /// A completed answer of an estimator that runs here without a model (<c>offline</c>, <c>history</c>): named by
    /// <paramref name="estimator"/> as model, provider and prompt, no image sent, no tokens, no estimate yet.
    /// </summary>
    /// <param name="estimator">The estimator's model id.</param>
    /// <param name="version">The version of what it estimates from (its tables, its similarity measure).</param>
    /// <param name="hash">Its prompt hash: what a stored answer is keyed by.</param>
    public static PageEstimateResult Local(string estimator, string version, string hash) => new()
    {
        Status = PageEstimateStatus.Completed,
        Model = estimator,
        Provider = estimator,
        PromptId = estimator,
        PromptVersion = version,
        PromptHash = hash,
        Detail = "none",
        Attempts = 0,
        InputTokens = 0,
        OutputTokens = 0,
        LatencyMs = 0,
        ImageBytesSent = 0,
        ImageWidthPx = 0,
        ImageHeightPx = 0,
        Warnings = [],
    };

    /// <summary>Completed, blocked or failed.</summary>
    public required PageEstimateStatus Status { get; init; }

    /// <summary>
    /// Whether the page failed for a cause of the moment or of configuration (<see cref="RetryableFailures"/>), so the
    /// next submission of the document asks again without being forced.
    /// </summary>
    public bool Retryable => Status == PageEstimateStatus.Failed && Error is { } error && error.Code.IsRetryable();

    /// <summary>The normalised estimate, when completed.</summary>
    public PageEstimate? Estimate { get; init; }

    /// <summary>
    /// The part's features as the model read them on this page (part type, material, stock, features with counts and
    /// sizes in mm, each feature sourced to the model with its confidence), when its prompt set asks for them
    /// (<see cref="Vision.VisionOptions.ReadFeatures"/>); <see langword="null"/> otherwise or when the reply gave none.
    /// </summary>
    public ProcessPlanning.FeatureSet? Features { get; init; }

    /// <summary>
    /// The range the time is expected to fall in, from estimators that know their spread (the <c>history</c> estimator:
    /// the spread of the similar past parts' real times); <see langword="null"/> from a model.
    /// </summary>
    public EstimateInterval? Interval { get; init; }

    /// <summary>The model id asked.</summary>
    public required string Model { get; init; }

    /// <summary><c>openai</c> or <c>openai_ft</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The prompt set's id.</summary>
    public required string PromptId { get; init; }

    /// <summary>The prompt set's version.</summary>
    public required string PromptVersion { get; init; }

    /// <summary>SHA-256 of the exact prompt text sent.</summary>
    public required string PromptHash { get; init; }

    /// <summary>The image <c>detail</c> of the last call.</summary>
    public required string Detail { get; init; }

    /// <summary>HTTP requests made, retries included.</summary>
    public required int Attempts { get; init; }

    /// <summary>Input tokens over all calls.</summary>
    public required long InputTokens { get; init; }

    /// <summary>Output tokens over all calls.</summary>
    public required long OutputTokens { get; init; }

    /// <summary>Wall time from first call to result.</summary>
    public required long LatencyMs { get; init; }

    /// <summary>Bytes of the PNG sent (once per call).</summary>
    public required long ImageBytesSent { get; init; }

    /// <summary>The image's width as sent.</summary>
    public required int ImageWidthPx { get; init; }

    /// <summary>The image's height as sent.</summary>
    public required int ImageHeightPx { get; init; }

    /// <summary>What normalisation changed and what the estimator had to retry.</summary>
    public required IReadOnlyList<EstimateWarning> Warnings { get; init; }

    /// <summary>The model's refusal, when blocked.</summary>
    public string? Refusal { get; init; }

    /// <summary>Why there is no estimate, when blocked or failed.</summary>
    public VisionError? Error { get; init; }

    /// <summary>The last reply as received, kept when it could not be used, for diagnosis.</summary>
    public string? RawReply { get; init; }
}
