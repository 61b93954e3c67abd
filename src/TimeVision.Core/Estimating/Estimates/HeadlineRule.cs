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
            (null, _) => (HeadlineMethod.Model, NoPlan(document.Plan)),
            (_, null) => (HeadlineMethod.Engine, new Reason(HeadlineReasons.NoModelTotal, "The model gave no total; the engine's minutes are the only number.")),
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
        var why = new Reason(HeadlineReasons.StoredBeforeHeadlines, "Stored before a headline was chosen: the model's minutes, as before; estimate it again to choose.");
        return ModelOf(document) is not null ? Headline(document, HeadlineMethod.Model, why, null) : null;
    }

    /// <summary>The first merged feature from a high-confidence source: one read at high confidence, or one the estimator entered.</summary>
    /// <param name="features">The estimate's features, when it has them.</param>
    public static MachiningFeature? HighConfidenceFeature(DocumentFeatures? features) =>
        features?.Merged.Features.FirstOrDefault(f => f.Source is { Kind: FeatureSourceKind.Estimator } or { Confidence: FactConfidence.High });

    private static (HeadlineMethod Method, Reason Why) Decide(DocumentEstimate document, EstimateMethod requested, MethodScores scores) => requested switch
    {
        EstimateMethod.Engine or EstimateMethod.Model => (
            requested == EstimateMethod.Engine ? HeadlineMethod.Engine : HeadlineMethod.Model,
            new Reason(HeadlineReasons.MethodSetting, $"Estimate:Method is {JsonCode.Of(requested)}.", MessageParams.Of(("method", JsonCode.Of(requested))))),
        EstimateMethod.Best => Best(document, scores),
        _ => ByDefault(document.Features),
    };

    private static (HeadlineMethod Method, Reason Why) Best(DocumentEstimate document, MethodScores scores)
    {
        if (scores is not { Engine: { } engine, Model: { } model })
        {
            var missing = string.Join(" and ", new[] { scores.Engine is null ? "the engine" : null, scores.Model is null ? $"the model {ModelName(document)}" : null }.OfType<string>());
            var missingCode = (scores.Engine, scores.Model) switch { (null, null) => "both", (null, _) => "engine", _ => "model" };
            return ByDefaultAfter(
                document,
                HeadlineReasons.BestWithoutFigures,
                $"Estimate:Method is best, but no figure of {missing} is stored (timevision calibrate stores one); by the default rule: ",
                [("missing", missingCode), ("model", AnsweringModel(document))]);
        }

        var figures = string.Create(
            CultureInfo.InvariantCulture,
            $"the engine's MAPE is {engine.Mape:0.0} % ({engine.Documents} documents, {engine.Source}), the model's {model.Mape:0.0} % ({model.Documents} documents, {model.Source})");
        (string, object?)[] figureParams =
        [
            ("engineMape", Math.Round(engine.Mape, 1)), ("engineDocuments", engine.Documents), ("engineSource", engine.Source),
            ("modelMape", Math.Round(model.Mape, 1)), ("modelDocuments", model.Documents), ("modelSource", model.Source), ("model", AnsweringModel(document)),
        ];
        if (engine.Mape == model.Mape)
        {
            return ByDefaultAfter(document, HeadlineReasons.BestEqual, $"Estimate:Method is best and {figures}: equal, so by the default rule: ", figureParams);
        }

        return engine.Mape < model.Mape
            ? (HeadlineMethod.Engine, new Reason(HeadlineReasons.BestEngineCloser, $"Estimate:Method is best and {figures}: the engine is closer to the shop's times.", MessageParams.Of(figureParams)))
            : (HeadlineMethod.Model, new Reason(HeadlineReasons.BestModelCloser, $"Estimate:Method is best and {figures}: the model is closer to the shop's times.", MessageParams.Of(figureParams)));
    }

    /// <summary>The default rule's choice, its reason told after <paramref name="text"/> and its code and params kept as <c>rule</c>.</summary>
    private static (HeadlineMethod Method, Reason Why) ByDefaultAfter(DocumentEstimate document, string code, string text, (string Name, object? Value)[] values)
    {
        var (method, rule) = ByDefault(document.Features);
        var ruleParams = (rule.Params ?? new Dictionary<string, string>()).Select(p => (p.Key, (object?)p.Value));
        var named = MessageParams.Of([.. values, ("rule", rule.Code), .. ruleParams]);
        return (method, new Reason(code, text + rule.Text, named));
    }

    private static (HeadlineMethod Method, Reason Why) ByDefault(DocumentFeatures? features) => HighConfidenceFeature(features) switch
    {
        { Source.Kind: FeatureSourceKind.Estimator } f => (HeadlineMethod.Engine, new Reason(
            HeadlineReasons.FeatureFromEstimator,
            $"Feature {f.Id} ({JsonCode.Of(f.Type)}) was entered by the estimator, so the engine's plan heads.",
            MessageParams.Of(("feature", f.Id), ("featureType", JsonCode.Of(f.Type))))),
        { } f => (HeadlineMethod.Engine, new Reason(
            HeadlineReasons.FeatureHighConfidence,
            $"Feature {f.Id} ({JsonCode.Of(f.Type)}) comes from the {Describe(f.Source!.Kind)} at high confidence, so the engine's plan heads.",
            MessageParams.Of(("feature", f.Id), ("featureType", JsonCode.Of(f.Type)), ("featureSource", JsonCode.Of(f.Source.Kind))))),
        null => (HeadlineMethod.Model, new Reason(
            HeadlineReasons.NoHighConfidenceFeature,
            "No feature comes from a high-confidence source (a reading at high confidence, or the estimator), so the model's minutes head.")),
    };

    private static Reason NoPlan(DocumentPlan? plan) => new(
        HeadlineReasons.NoPlan,
        $"There is no process plan ({WhyNoPlan(plan)}); the model's minutes are the only number.",
        MessageParams.Of(("notMade", plan?.NotMade?.Code)));

    private static EstimateHeadline Headline(DocumentEstimate document, HeadlineMethod method, Reason why, EstimateMethod? requested)
    {
        var engine = EngineOf(document);
        var model = ModelOf(document);
        var (chosen, other) = method == HeadlineMethod.Engine ? (engine!, model) : (model!, engine);
        return new EstimateHeadline
        {
            Method = method,
            Minutes = chosen.Minutes,
            SetupMin = chosen.SetupMin,
            Why = why.Text,
            WhyCode = why.Code,
            WhyParams = why.Params is { Count: > 0 } named ? named : null,
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

    private static string ModelName(DocumentEstimate document) => AnsweringModel(document) ?? "(none answered)";

    private static string? AnsweringModel(DocumentEstimate document) => document.Models.Count > 0 ? document.Models[0].Model : null;

    private static string Describe(FeatureSourceKind kind) => kind == FeatureSourceKind.TextLayer ? "text layer" : JsonCode.Of(kind);

    /// <summary>Why a number heads: its code, its English sentence and the values it names.</summary>
    private sealed record Reason(string Code, string Text, IReadOnlyDictionary<string, string>? Params = null);
}
