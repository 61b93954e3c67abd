using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>What a calibration sees of a document beside the model's time: its features and its history estimate.</summary>
/// <param name="blobs">Where the pages' stored facts are.</param>
/// <param name="history">The history estimate, one of the calibration's inputs.</param>
public sealed class CalibrationRows(IBlobStore blobs, HistoryEstimator history)
{
    /// <summary>The row of one part: the features of its first sheet with a text layer and its history estimate (never from its own document).</summary>
    public async Task<CalibrationRow> RowAsync(string documentId, double rawMinutes, IReadOnlyList<PageFacts> sheets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.FirstOrDefault(s => s.HasText) is not { } facts)
        {
            return new CalibrationRow(documentId, rawMinutes, null, null);
        }

        var fromHistory = await history.EstimatePageAsync(documentId, facts, heldOut: null, cancellationToken);
        return new CalibrationRow(documentId, rawMinutes, PartFeatures.From([facts], null), fromHistory.Estimate?.EstimatedTimeMin);
    }

    /// <summary>
    /// The row of a labelled document: the features of its first page with a text layer among <paramref name="pageFacts"/>,
    /// and its history estimate from labels <paramref name="heldOut"/> lets through (never its own).
    /// </summary>
    public async Task<CalibrationRow> RowAsync(
        string documentId, IEnumerable<BlobReference?> pageFacts, double rawMinutes, double actualMinutes, Func<string, bool> heldOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageFacts);
        foreach (var page in pageFacts)
        {
            if (await DocumentParts.ReadFactsAsync(blobs, page, cancellationToken) is { HasText: true } facts)
            {
                var fromHistory = await history.EstimatePageAsync(documentId, facts, heldOut, cancellationToken);
                return new CalibrationRow(documentId, rawMinutes, PartFeatures.From([facts], null), fromHistory.Estimate?.EstimatedTimeMin, actualMinutes);
            }
        }

        return new CalibrationRow(documentId, rawMinutes, null, null, actualMinutes);
    }
}
