using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>Which number of an estimate a person is shown first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HeadlineMethod>))]
public enum HeadlineMethod
{
    /// <summary>The process plan's minutes per piece (and its setup per batch), computed from the part's features.</summary>
    [JsonStringEnumMemberName("engine")]
    Engine,

    /// <summary>The model's total minutes.</summary>
    [JsonStringEnumMemberName("model")]
    Model,
}

/// <summary>What <c>Estimate:Method</c> asks for: which number heads an estimate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EstimateMethod>))]
public enum EstimateMethod
{
    /// <summary>Unset: the engine when a feature comes from a high-confidence source, else the model (<see cref="HeadlineRule"/>).</summary>
    [JsonStringEnumMemberName("default")]
    Default,

    /// <summary>The engine's number whenever there is a plan.</summary>
    [JsonStringEnumMemberName("engine")]
    Engine,

    /// <summary>The model's number whenever it gave one.</summary>
    [JsonStringEnumMemberName("model")]
    Model,

    /// <summary>The method with the lower stored MAPE on the shop's labels; the default rule without stored figures.</summary>
    [JsonStringEnumMemberName("best")]
    Best,
}

/// <summary>One method's number.</summary>
/// <param name="Method">Engine or model.</param>
/// <param name="Minutes">The engine's minutes per piece, or the model's total minutes.</param>
/// <param name="SetupMin">The engine's setup minutes per batch; absent for the model.</param>
public sealed record HeadlineNumber(HeadlineMethod Method, double Minutes, double? SetupMin = null);

/// <summary>
/// Which of an estimate's two numbers is the headline, and why: the engine's (the plan's minutes per piece and its
/// setup per batch) or the model's (its total minutes), with the other beside it and the warnings that compare them.
/// Stored with the estimate as <c>headline</c> (src/docs/process-plan.md, "Which number is the estimate").
/// </summary>
public sealed record EstimateHeadline
{
    /// <summary>Whose number is the headline.</summary>
    public required HeadlineMethod Method { get; init; }

    /// <summary>The headline minutes: per piece for the engine, the total for the model.</summary>
    public required double Minutes { get; init; }

    /// <summary>The engine's setup minutes per batch, when the engine is the headline.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SetupMin { get; init; }

    /// <summary>Why this number, for a person.</summary>
    public required string Why { get; init; }

    /// <summary>The <c>Estimate:Method</c> it was chosen under; absent on estimates stored before a headline was chosen.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EstimateMethod? Requested { get; init; }

    /// <summary>The other method's number, when it has one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HeadlineNumber? Other { get; init; }

    /// <summary>What comparing the two numbers flagged (<see cref="AnswerChecks.ModelFarFromPlan"/>).</summary>
    public IReadOnlyList<EstimateWarning> Warnings { get; init; } = [];
}
