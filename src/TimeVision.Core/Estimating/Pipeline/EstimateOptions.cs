using System.ComponentModel.DataAnnotations;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>Which number heads an estimate, bound from the <c>Estimate</c> section (<see cref="HeadlineRule"/>).</summary>
public sealed class EstimateOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Estimate";

    /// <summary>
    /// <c>engine</c>, <c>model</c> or <c>best</c> (any case); unset or empty, the default rule: the engine when a merged
    /// feature comes from a high-confidence source, else the model.
    /// </summary>
    [RegularExpression(
        "(?i)^(engine|model|best)?$",
        ErrorMessage = "Estimate:Method is engine, model or best; leave it empty for the default rule (the engine when a feature comes from a high-confidence source, else the model).")]
    public string? Method { get; set; }

    /// <summary>The method asked for.</summary>
    public EstimateMethod Requested => Method?.Trim().ToUpperInvariant() switch
    {
        "ENGINE" => EstimateMethod.Engine,
        "MODEL" => EstimateMethod.Model,
        "BEST" => EstimateMethod.Best,
        _ => EstimateMethod.Default,
    };
}
