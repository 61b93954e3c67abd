
namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// Fans a document's pages back in. Sheets that carry the same drawing number are one part (a multi-sheet drawing
/// of one part); sheets without a number are parts of their own. Each sheet of a part is an estimate of the same
/// part seen from other views, so a part's time is its <em>largest</em> sheet estimate, not their sum (summing would
/// count the part once per sheet); that sheet also supplies the part's material, type and breakdown. The document's
/// total is the sum over its parts.
/// </summary>
public static class DocumentAggregator
{
    /// <summary>Builds the parts, total, model summary and status from the pages.</summary>
    /// <param name="pages">Every page, in order.</param>
    public static (IReadOnlyList<PartEstimate> Parts, double? Total, IReadOnlyList<ModelUsage> Models, DocumentStatus Status)
        Aggregate(IReadOnlyList<DocumentPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var completed = pages
            .Where(p => p.Status == PageEstimateStatus.Completed && p.Result?.Estimate is not null)
            .ToList();

        var parts = completed
            .GroupBy(p => PartKey(p.Result!.Estimate!.DrawingNumber, p.Page), StringComparer.OrdinalIgnoreCase)
            .Select(group =>
            {
                var sheets = group.OrderBy(p => p.Page).ToList();
                var leading = sheets.OrderByDescending(p => p.Result!.Estimate!.EstimatedTimeMin).ThenBy(p => p.Page).First();
                var estimate = leading.Result!.Estimate!;
                return new PartEstimate(
                    group.Key,
                    estimate.DrawingNumber ?? sheets.Select(p => p.Result!.Estimate!.DrawingNumber).FirstOrDefault(n => n is not null),
                    sheets.Select(p => p.Result!.Estimate!.PartName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                    sheets.Select(p => p.Page).ToList(),
                    estimate,
                    estimate.EstimatedTimeMin);
            })
            .OrderBy(part => part.Sheets[0])
            .ToList();

        var models = completed
            .GroupBy(p => (p.Result!.Model, p.Result.Provider))
            .Select(g => new ModelUsage(g.Key.Model, g.Key.Provider, g.Count()))
            .OrderByDescending(m => m.Pages)
            .ToList();

        var status = completed.Count == pages.Count && pages.Count > 0 ? DocumentStatus.Completed
            : completed.Count > 0 ? DocumentStatus.Partial
            : DocumentStatus.Failed;
        double? total = parts.Count > 0 ? Math.Round(parts.Sum(p => p.EstimatedMinutes), 3) : null;
        return (parts, total, models, status);
    }

    private static string PartKey(string? drawingNumber, int page) =>
        string.IsNullOrWhiteSpace(drawingNumber)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"page-{page}")
            : string.Join(' ', drawingNumber.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
