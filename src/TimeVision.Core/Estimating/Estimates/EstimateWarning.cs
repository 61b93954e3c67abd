namespace TimeVision.Core.Estimating.Estimates;

/// <summary>Something TimeVision changed or doubts about an estimate; stored with the page result.</summary>
/// <param name="Code">A stable code, e.g. <c>inch_converted</c>.</param>
/// <param name="Message">What happened, for a person.</param>
public sealed record EstimateWarning(string Code, string Message)
{
    /// <summary>The drawing is in inches; the envelope was converted to millimetres.</summary>
    public const string InchConverted = "inch_converted";

    /// <summary>The total differed from the breakdown's sum by more than 1 %; the sum was taken.</summary>
    public const string TotalDiffersFromBreakdown = "total_differs_from_breakdown";

    /// <summary>The estimate came without a breakdown, so its total could not be checked.</summary>
    public const string NoBreakdown = "no_breakdown";

    /// <summary>The first attempt was refused; the page was sent again with <c>detail: auto</c>.</summary>
    public const string RetriedAfterRefusal = "retried_after_refusal";

    /// <summary>The first reply was not a valid estimate; the page was sent again.</summary>
    public const string RetriedAfterInvalidReply = "retried_after_invalid_reply";

    /// <summary>A field the reply left out, or gave a value the contract cannot use, was taken from the page's text layer.</summary>
    public const string FilledFromTextLayer = "filled_from_text_layer";

    /// <summary>A field the reply left out, or gave a value the contract cannot use, was given its stated default.</summary>
    public const string FilledWithDefault = "filled_with_default";

    /// <summary>The reply had no usable total; the breakdown's sum was taken.</summary>
    public const string TotalFromBreakdown = "total_from_breakdown";

    /// <summary>The reply had fields the contract does not know; they were dropped.</summary>
    public const string IgnoredUnknownFields = "ignored_unknown_fields";

    /// <summary>The prompt asked for the part's features and the reply gave none usable; the page's minutes stand.</summary>
    public const string FeaturesMissing = "features_missing";

    /// <summary>A feature the model read broke a rule of the features contract (unknown type, count below 1, size of 0 or less, wrong type); it was dropped.</summary>
    public const string FeatureDropped = "feature_dropped";

    /// <summary>A part-level value of the model's features (part type, material group, stock) the contract cannot use; it was ignored.</summary>
    public const string FeatureValueIgnored = "feature_value_ignored";
}
