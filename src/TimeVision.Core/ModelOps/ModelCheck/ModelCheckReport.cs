using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.ModelOps.Retirement;

namespace TimeVision.Core.ModelOps.ModelCheck;

/// <summary>Whether a model can take over, from one real call per sample drawing.</summary>
/// <param name="Model">The model checked.</param>
/// <param name="EndpointKind"><c>openai</c>, <c>azure_openai</c> or <c>other</c>.</param>
/// <param name="Usable">Every sample got a valid estimate with the model's configured settings.</param>
/// <param name="ConfiguredDialect">How the model is asked as configured.</param>
/// <param name="Calls">One entry per sample.</param>
/// <param name="Advice">What to change when the configured settings fail but another wording works.</param>
/// <param name="Retirement">When the model retires.</param>
public sealed record ModelCheckReport(
    string Model,
    string EndpointKind,
    bool Usable,
    string ConfiguredDialect,
    IReadOnlyList<ModelCheckCall> Calls,
    IReadOnlyList<string> Advice,
    RetirementInfo Retirement)
{
    /// <summary>The features sample (<see cref="ModelCheckReading"/>): one page read as the features task reads it; absent in reports from before it was run.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ModelCheckReading? Reading { get; init; }
}

/// <summary>One sample's call.</summary>
/// <param name="Sample">The sample's file name.</param>
/// <param name="Status"><c>ok</c>, <c>invalid_reply</c>, <c>refused</c>, <c>rejected</c> (the API said no) or <c>unreachable</c>.</param>
/// <param name="Error">The server's error or why the reply was not usable, when not ok.</param>
/// <param name="ErrorCode">Its stable code.</param>
/// <param name="Accepted">The server took the request and answered.</param>
/// <param name="ReplyValid">The reply is a valid estimate.</param>
/// <param name="Dialect">The reply format of the last request: the one that worked, when one did.</param>
/// <param name="DialectDetail">The whole wording of that request.</param>
/// <param name="ConfiguredDialectWorked">The model's configured wording is the one that worked.</param>
/// <param name="Rejected">Wordings the server rejected before, with the parameter it named.</param>
/// <param name="Warnings">What reading the reply filled or changed.</param>
/// <param name="LatencyMs">Wall time of the calls.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="CostUsd">The calls' cost at <c>Evaluation:Prices</c>, when a price is known.</param>
/// <param name="EstimatedTimeMin">The estimate's time, when valid.</param>
/// <param name="FeaturesRead">How many features the reply read, when the model's prompt set asks for them (<c>Vision:ReadFeatures</c>) and the reply gave them.</param>
public sealed record ModelCheckCall(
    string Sample,
    string Status,
    string? Error,
    string? ErrorCode,
    bool Accepted,
    bool ReplyValid,
    string Dialect,
    string DialectDetail,
    bool ConfiguredDialectWorked,
    IReadOnlyList<string> Rejected,
    IReadOnlyList<EstimateWarning> Warnings,
    long LatencyMs,
    long InputTokens,
    long OutputTokens,
    double? CostUsd,
    double? EstimatedTimeMin,
    int? FeaturesRead = null);

/// <summary>
/// The model check's features sample: the first sample's first page sent with the <c>reading</c> prompt, as
/// <c>eval --task features</c> and a features fine-tune's examples ask. It does not decide <see cref="ModelCheckReport.Usable"/>.
/// </summary>
/// <param name="Sample">The sample's file name.</param>
/// <param name="Status"><c>ok</c>, <c>invalid_reply</c> (the reply was not a reading of the part), <c>refused</c>, <c>rejected</c> or <c>unreachable</c>.</param>
/// <param name="Error">Why not ok.</param>
/// <param name="ErrorCode">Its stable code.</param>
/// <param name="FeaturesRead">How many features the reading holds, when ok.</param>
/// <param name="Warnings">What reading the reply dropped or ignored.</param>
/// <param name="LatencyMs">Wall time of the calls.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="CostUsd">The calls' cost at <c>Evaluation:Prices</c>, when a price is known.</param>
public sealed record ModelCheckReading(
    string Sample,
    string Status,
    string? Error,
    string? ErrorCode,
    int? FeaturesRead,
    IReadOnlyList<EstimateWarning> Warnings,
    long LatencyMs,
    long InputTokens,
    long OutputTokens,
    double? CostUsd);
