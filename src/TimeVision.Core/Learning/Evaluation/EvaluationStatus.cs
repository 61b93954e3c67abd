using System.Text.Json.Serialization;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>How one document × model estimate of an evaluation ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvaluationStatus>))]
public enum EvaluationStatus
{
    /// <summary>Every page has an estimate, so the document total counts.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>A page was blocked or failed; the document is left out of the figures and listed.</summary>
    [JsonStringEnumMemberName("incomplete")]
    Incomplete,

    /// <summary>Not run: the budget was spent first.</summary>
    [JsonStringEnumMemberName("not_run_budget")]
    NotRunBudget,
}
