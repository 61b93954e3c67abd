namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// Why a number heads an estimate, as stable codes (<see cref="EstimateHeadline.WhyCode"/>) a page words in its own
/// language with the values in <see cref="EstimateHeadline.WhyParams"/>; <see cref="EstimateHeadline.Why"/> says the same
/// in English.
/// </summary>
public static class HeadlineReasons
{
    /// <summary>There is no process plan; the model's minutes are the only number. Params: <c>notMade</c>, the plan's reason code, when one was given.</summary>
    public const string NoPlan = "no_plan";

    /// <summary>The model gave no total; the engine's minutes are the only number.</summary>
    public const string NoModelTotal = "no_model_total";

    /// <summary><c>Estimate:Method</c> names the method. Params: <c>method</c> (<c>engine</c> or <c>model</c>).</summary>
    public const string MethodSetting = "method_setting";

    /// <summary>
    /// <c>Estimate:Method</c> is <c>best</c>, but a figure is not stored, so the default rule decided. Params:
    /// <c>missing</c> (<c>engine</c>, <c>model</c> or <c>both</c>), <c>model</c>, and <c>rule</c>, the default rule's
    /// code, with its params.
    /// </summary>
    public const string BestWithoutFigures = "best_without_figures";

    /// <summary>
    /// <c>Estimate:Method</c> is <c>best</c> and the two figures are equal, so the default rule decided. Params: the
    /// figures (<c>engineMape</c>, <c>engineDocuments</c>, <c>engineSource</c>, <c>modelMape</c>, <c>modelDocuments</c>,
    /// <c>modelSource</c>) and <c>rule</c>, the default rule's code, with its params.
    /// </summary>
    public const string BestEqual = "best_equal";

    /// <summary><c>Estimate:Method</c> is <c>best</c> and the engine's MAPE is the lower. Params: the figures, as <see cref="BestEqual"/>.</summary>
    public const string BestEngineCloser = "best_engine_closer";

    /// <summary><c>Estimate:Method</c> is <c>best</c> and the model's MAPE is the lower. Params: the figures, as <see cref="BestEqual"/>.</summary>
    public const string BestModelCloser = "best_model_closer";

    /// <summary>The default rule: the estimator entered a feature. Params: <c>feature</c> (its id), <c>featureType</c>.</summary>
    public const string FeatureFromEstimator = "feature_from_estimator";

    /// <summary>
    /// The default rule: a feature was read at high confidence. Params: <c>feature</c> (its id), <c>featureType</c>,
    /// <c>featureSource</c> (<c>text_layer</c> or <c>model</c>).
    /// </summary>
    public const string FeatureHighConfidence = "feature_high_confidence";

    /// <summary>The default rule: no feature comes from a high-confidence source, so the model's minutes head.</summary>
    public const string NoHighConfidenceFeature = "no_high_confidence_feature";

    /// <summary>The estimate was stored before a headline was chosen: the model's minutes, as before.</summary>
    public const string StoredBeforeHeadlines = "stored_before_headlines";
}
