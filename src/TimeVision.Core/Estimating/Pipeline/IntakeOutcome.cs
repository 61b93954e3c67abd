using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>What the intake did with a PDF.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntakeStatus>))]
public enum IntakeStatus
{
    /// <summary>Its estimate was started.</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>It is being estimated already; nothing new was started.</summary>
    [JsonStringEnumMemberName("in_progress")]
    InProgress,

    /// <summary>It has a stored estimate; nothing was started (force estimates again).</summary>
    [JsonStringEnumMemberName("already_estimated")]
    AlreadyEstimated,

    /// <summary>It was refused: not a PDF, too large, or no model can be reached.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

/// <summary>What the intake did with a PDF, for every host to act on the same way.</summary>
/// <param name="Status">What happened.</param>
/// <param name="DocumentId">The document's id, once its content was read.</param>
/// <param name="Model">The model the estimate was started with.</param>
/// <param name="Error">Why it was rejected: a stable code and a message.</param>
/// <param name="Notice">Something a person should know, such as an offline estimate because no model is configured.</param>
/// <param name="RetryPages">When the start is a retry, the pages that run again; every other page keeps its stored result.</param>
public sealed record IntakeOutcome(
    IntakeStatus Status, string? DocumentId, ModelId? Model = null, IntakeError? Error = null, string? Notice = null, IReadOnlyList<int>? RetryPages = null)
{
    /// <summary>Whether a new estimate was started.</summary>
    public bool Started => Status == IntakeStatus.Started;

    /// <summary>A refusal (<see cref="IntakeStatus.Rejected"/>) with its error.</summary>
    /// <param name="documentId">The document's id, when its content was read.</param>
    /// <param name="error">Why it was refused.</param>
    public static IntakeOutcome Refused(string? documentId, IntakeError error) => new(IntakeStatus.Rejected, documentId, Error: error);
}

/// <summary>Why an intake was rejected.</summary>
/// <param name="Code"><c>not_pdf</c>, <c>too_large</c>, <c>missing_api_key</c>, …</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record IntakeError(string Code, string Message)
{
    /// <summary>The PDF is larger than allowed (<see cref="RenderErrorCode.TooLarge"/>).</summary>
    public const string TooLarge = "too_large";

    /// <summary>No stored estimate has that id.</summary>
    public const string NotFound = "not_found";

    /// <summary>A model is named, but no API key or Entra ID is configured to reach it.</summary>
    public const string MissingApiKey = "missing_api_key";

    /// <summary>
    /// The model named is not one that estimates pages: the engine (its plan is made for every estimate from the
    /// features) or a calibration (applied to its base model's estimate when one exists).
    /// </summary>
    public const string NotAPageEstimator = "not_a_page_estimator";

    /// <summary>Today's model budget (<c>Vision:DailyBudgetUsd</c>) is spent; <see cref="RetryAt"/> says when it opens.</summary>
    public const string DailyBudgetSpent = "daily_budget_spent";

    /// <summary>A budget (<c>Vision:DailyBudgetUsd</c> or <c>Vision:RunBudgetUsd</c>) is below one page's cost: nothing could ever be sent until it is raised.</summary>
    public const string BudgetBelowPageCost = "budget_below_page_cost";

    /// <summary>When trying again can succeed, if the refusal is only for now.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The values <see cref="Message"/> names (<see cref="Json.MessageParams"/>), for a page to word the refusal in its own language.</summary>
    public IReadOnlyDictionary<string, string>? Params { get; init; }

    /// <summary>The intake error for a rendering error (<c>not_pdf</c> and the like).</summary>
    public static IntakeError From(RenderError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new IntakeError(Json.JsonCode.Of(error.Code), error.Message) { Params = error.Params };
    }
}
