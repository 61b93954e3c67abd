using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// The features task's split: by drawing, so the sheets of one drawing never straddle training and validation, even
/// when it came in more than one PDF (a revision, a second order). The drawing's key is its part's drawing number as
/// the estimate read it (upper case, without spaces), else the document id; the side is decided by that key as the
/// minutes split decides by the document id (<see cref="TrainingExporter.IsValidation"/>).
/// </summary>
public static class DrawingSplit
{
    /// <summary>The split rule in words, for the manifest.</summary>
    /// <param name="validationPercent">The validation share.</param>
    public static string Rule(int validationPercent) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"by drawing: validation when the first 4 bytes of SHA-256(drawing key), big-endian, mod 100 < {validationPercent}; the drawing key is the part's drawing number (upper case, no spaces), else the document id");

    /// <summary>The drawing key of <paramref name="document"/>.</summary>
    /// <param name="document">A stored estimate.</param>
    public static string KeyOf(DocumentEstimate document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var number = document.Parts.Select(p => p.DrawingNumber).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        return number is null ? document.Id : string.Concat(number.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    /// <summary>Whether <paramref name="document"/> falls on the validation side.</summary>
    /// <param name="document">A stored estimate.</param>
    /// <param name="validationPercent">The validation share.</param>
    public static bool IsValidation(DocumentEstimate document, int validationPercent) => TrainingExporter.IsValidation(KeyOf(document), validationPercent);
}
