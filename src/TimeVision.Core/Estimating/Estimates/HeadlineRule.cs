using System.Globalization;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Json;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// Which of an estimate's two numbers heads it: the engine's (the process plan's minutes per piece and setup per
/// batch) or the model's (its total minutes). Asked for <see cref="EstimateMethod.Engine"/> or
/// <see cref="EstimateMethod.Model"/>, that one whenever it has a number; <see cref="EstimateMethod.Best"/>, the one with
/// the lower stored MAPE; unset, the engine when a merged feature comes from a high-confidence source (its
/// <c>source.confidence</c> is <c>high</c>, or the estimator entered it), else the model. A pure function of the
/// estimate, the setting and the figures.
/// </summary>
public static class HeadlineRule
{
    /// <summary>The headline of <paramref name="document"/>, or <see langword="null"/> when it has neither number.</summary>
    /// <param name="document">The estimate, with its plan and features when it has them.</param>
    /// <param name="requested">What <c>Estimate:Method</c> asks for.</param>
    /// <param name="scores">The stored figures, read only for <see cref="EstimateMethod.Best"/>.</param>
    public static EstimateHeadline? Choose(DocumentEstimate document, EstimateMethod requested, MethodScores scores)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scores);
        var (method, why) = (EngineOf(document), ModelOf(document)) switch
        {
            (null, null) => default,
            (null, _) => (HeadlineMethod.Model, $"There is no process plan ({WhyNoPlan(document.Plan)}); the model's minutes are the only number."),
            (_, null) => (HeadlineMethod.Engine, "The model gave no total; the engine's minutes are the only number."),
            _ => Decide(document, requested, scores),
        };
        return why is null ? null : Headline(document, method, why, requested);
    }

    /// <summary>
    /// The headline of an estimate stored before headlines were chosen: the model's minutes, as it was read then, with
    /// the engine's beside them when it has a plan; <see langword="null"/> without a model total.
    /// </summary>
    /// <param name="document">The stored estimate.</param>
    public static EstimateHeadline? BeforeHeadlines(DocumentEstimate document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ModelOf(document) is { } model
            ? Headline(document, HeadlineMethod.Model, "Stored before a headline was chosen: the model's minutes, as before; estimate it again to choose.", null)
            : null;
    }

    /// <summary>The first merged feature from a high-confidence source: one read at high confidence, or one the estimator entered.</summary>
    /// <param name="features">The estimate's features, when it has them.</param>
    public static MachiningFeature? HighConfidenceFeature(DocumentFeatures? features) =>
        features?.Merged.Features.FirstOrDefault(f => f.Source is { Kind: FeatureSourceKind.Estimator } or { Confidence: FactConfidence.High });

    private static (HeadlineMethod Method, string Why) Decide(DocumentEstimate document, EstimateMethod requested, MethodScores scores) => requested switch
    {
        EstimateMethod.Engine => (HeadlineMethod.Engine, "Estimate:Method is engine."),
        EstimateMethod.Model => (HeadlineMethod.Model, "Estimate:Method is model."),
        EstimateMethod.Best => Best(document, scores),
        _ => ByDefault(document.Features),
    };

    private static (HeadlineMethod Method, string Why) Best(DocumentEstimate document, MethodScores scores)
    {
        if (scores is not { Engine: { } engine, Model: { } model })
        {
            var missing = string.Join(" and ", new[] { scores.Engine is null ? "the engine" : null, scores.Model is null ? $"the model {ModelName(document)}" : null }.OfType<string>());
            var byDefault = ByDefault(document.Features);
            return (byDefault.Method, $"Estimate:Method is best, but no figure of {missing} is stored (timevision calibrate stores one); by the default rule: {byDefault.Why}");
        }

        var figures = string.Create(
            CultureInfo.InvariantCulture,
            $"the engine's MAPE is {engine.Mape:0.0} % ({engine.Documents} documents, {engine.Source}), the model's {model.Mape:0.0} % ({model.Documents} documents, {model.Source})");
        if (engine.Mape == model.Mape)
        {
            var byDefault = ByDefault(document.Features);
            return (byDefault.Method, $"Estimate:Method is best and {figures}: equal, so by the default rule: {byDefault.Why}");
        }

        return engine.Mape < model.Mape
            ? (HeadlineMethod.Engine, $"Estimate:Method is best and {figures}: the engine is closer to the shop's times.")
            : (HeadlineMethod.Model, $"Estimate:Method is best and {figures}: the model is closer to the shop's times.");
    }

    private static (HeadlineMethod Method, string Why) ByDefault(DocumentFeatures? features) => HighConfidenceFeature(features) switch
    {
        { Source.Kind: FeatureSourceKind.Estimator } f => (HeadlineMethod.Engine, $"Feature {f.Id} ({JsonCode.Of(f.Type)}) was entered by the estimator, so the engine's plan heads."),
        { } f => (HeadlineMethod.Engine, $"Feature {f.Id} ({JsonCode.Of(f.Type)}) comes from the {Describe(f.Source!.Kind)} at high confidence, so the engine's plan heads."),
        null => (HeadlineMethod.Model, "No feature comes from a high-confidence source (a reading at high confidence, or the estimator), so the model's minutes head."),
    };

    private static EstimateHeadline Headline(DocumentEstimate document, HeadlineMethod method, string why, EstimateMethod? requested)
    {
        var engine = EngineOf(document);
        var model = ModelOf(document);
        var (chosen, other) = method == HeadlineMethod.Engine ? (engine!, model) : (model!, engine);
        return new EstimateHeadline
        {
            Method = method,
            Minutes = chosen.Minutes,
            SetupMin = chosen.SetupMin,
            Why = why,
            Requested = requested,
            Other = other,
            Warnings = document is { TotalEstimatedMinutes: { } total, Plan.Routing: { } routing } ? AnswerChecks.CompareWithPlan(total, routing.CycleMin) : [],
        };
    }

    private static HeadlineNumber? EngineOf(DocumentEstimate document) => document.Plan?.Routing is { } routing
        ? new HeadlineNumber(HeadlineMethod.Engine, Math.Round(routing.CycleMin, 2), Math.Round(routing.SetupMin, 2))
        : null;

    private static HeadlineNumber? ModelOf(DocumentEstimate document) => document.TotalEstimatedMinutes is { } total
        ? new HeadlineNumber(HeadlineMethod.Model, total)
        : null;

    private static string WhyNoPlan(DocumentPlan? plan) => plan switch
    {
        { NotMade: { } notMade } => notMade.Code,
        null => "none was made for this estimate",
        _ => "none was made",
    };

    private static string ModelName(DocumentEstimate document) => document.Models.Count > 0 ? document.Models[0].Model : "(none answered)";

    private static string Describe(FeatureSourceKind kind) => kind == FeatureSourceKind.TextLayer ? "text layer" : JsonCode.Of(kind);
}
