using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>
/// Puts the calibrated time beside the model's on a document estimate: per part and in total, with intervals, when a
/// calibration exists for the model that answered (the one that estimated the most pages).
/// </summary>
/// <param name="store">The calibration in use per model.</param>
/// <param name="rows">What a calibration sees of a document.</param>
/// <param name="blobs">Where the pages' stored facts are.</param>
public sealed class CalibratedEstimates(CalibrationStore store, CalibrationRows rows, IBlobStore blobs) : IDocumentCalibration
{
    /// <inheritdoc />
    public async Task<DocumentEstimate> ApplyAsync(DocumentEstimate document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Parts.Count == 0 || document.Models.Count == 0
            || await store.CurrentAsync(document.Models[0].Model, cancellationToken) is not { } calibration)
        {
            return document;
        }

        var parts = new List<PartEstimate>();
        foreach (var part in document.Parts)
        {
            var sheets = new List<PageFacts>();
            foreach (var page in document.Pages.Where(p => part.Sheets.Contains(p.Page)))
            {
                if (await DocumentParts.ReadFactsAsync(blobs, page.Facts, cancellationToken) is { } facts)
                {
                    sheets.Add(facts);
                }
            }

            var row = await rows.RowAsync(document.Id, part.EstimatedMinutes, sheets, cancellationToken);
            var (minutes, interval) = part.EstimatedMinutes > 0 ? Calibrator.Apply(calibration, row) : (0, new EstimateInterval(0, 0));
            parts.Add(part with { CalibratedTimeMin = minutes, CalibratedInterval = interval });
        }

        return document with
        {
            Parts = parts,
            CalibratedTimeMin = Math.Round(parts.Sum(p => p.CalibratedTimeMin!.Value), 2),
            CalibratedInterval = new EstimateInterval(Math.Round(parts.Sum(p => p.CalibratedInterval!.LowMin), 2), Math.Round(parts.Sum(p => p.CalibratedInterval!.HighMin), 2)),
            Calibration = $"{calibration.Model} {calibration.Version}",
        };
    }
}
