namespace TimeVision.Core.Learning.Training;

/// <summary>
/// The share of documents the training export holds out for validation (and <c>eval</c> reads back): one rule for the
/// CLI, the HTTP API and the exporter.
/// </summary>
public static class ValidationShare
{
    /// <summary>The share when none is given.</summary>
    public const int DefaultPercent = 10;

    /// <summary>The largest share: a validation side larger than the training side trains on too little.</summary>
    public const int MaxPercent = 50;

    /// <summary>What a valid share is, in words, for error messages.</summary>
    public const string Rule = "a whole number from 0 to 50";

    /// <summary>Whether <paramref name="percent"/> is a share TimeVision accepts.</summary>
    public static bool IsValid(int percent) => percent is >= 0 and <= MaxPercent;
}
