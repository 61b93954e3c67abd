using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Offline;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// The <c>history</c> estimator: a page's time is the weighted median of the real times of the k most similar labelled
/// parts (<see cref="HistoryOptions.Neighbours"/>), and its interval the weighted 10th to 90th percentile of those
/// times. No vision model and no key: the baseline any model must beat once a shop has history. A neighbour weighs its
/// similarity squared (a close match counts for much more than a loose one), half as much for a person's estimate as
/// for a measured time, and more for a time that stands for several production orders (the square root of their count,
/// at most 2).
/// </summary>
/// <param name="index">The labelled history.</param>
/// <param name="options">How many neighbours count.</param>
public sealed class HistoryEstimator(HistoryIndex index, IOptionsMonitor<HistoryOptions> options)
{
    /// <summary>Stands in for a prompt hash: the estimator's rules.</summary>
    public static readonly string Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("history-estimator-1")));

    /// <summary>The version recorded as the result's prompt version.</summary>
    public const string Version = "1";

    /// <summary>
    /// Estimates one page of <paramref name="documentId"/> from its facts. Neighbours never come from the document itself,
    /// nor from any document <paramref name="heldOut"/> names (an evaluation's validation side).
    /// </summary>
    public async Task<PageEstimateResult> EstimatePageAsync(string documentId, PageFacts? facts, Func<string, bool>? heldOut, CancellationToken cancellationToken)
    {
        var result = Blank();
        if (facts is not { HasText: true } || PartFeatures.From([facts], null) is not { } features)
        {
            return result with
            {
                Status = PageEstimateStatus.Failed,
                Error = new VisionError(VisionErrorCode.NoTextLayer, "The page has no usable text layer, so nothing describes the part to compare with the history."),
            };
        }

        var entries = await index.EntriesAsync(cancellationToken);
        var neighbours = HistoryIndex.Nearest(entries, features, options.CurrentValue.Neighbours, e => e.DocumentId != documentId && heldOut?.Invoke(e.DocumentId) != true);
        if (Estimate(neighbours) is not { } estimate)
        {
            return result with
            {
                Status = PageEstimateStatus.Failed,
                Error = new VisionError(VisionErrorCode.NoHistory, "No labelled past part to compare with: record real times with 'timevision feedback' (or import them) first."),
            };
        }

        return result with
        {
            Estimate = PageOf(facts, features, estimate, neighbours),
            Interval = estimate.Interval,
        };
    }

    /// <summary>The weighted median of the neighbours' times and their weighted 10th–90th percentile; <see langword="null"/> for none.</summary>
    public static (double Minutes, EstimateInterval Interval)? Estimate(IReadOnlyList<Neighbour> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        var weighted = neighbours.Select(n => (n.Entry.ActualMinutes, Weight: WeightOf(n))).Where(w => w.Weight > 0).OrderBy(w => w.ActualMinutes).ToList();
        if (weighted.Count == 0)
        {
            return null;
        }

        return (Quantile(weighted, 0.5), new EstimateInterval(Quantile(weighted, 0.1), Quantile(weighted, 0.9)));
    }

    private static double WeightOf(Neighbour neighbour) =>
        neighbour.Score * neighbour.Score
        * (neighbour.Entry.Source == FeedbackSource.Actual ? 1 : 0.5)
        * Math.Min(2, Math.Sqrt(Math.Max(1, neighbour.Entry.Rows)));

    /// <summary>The smallest time whose cumulative weight reaches <paramref name="q"/> of the total (the median averages the two middle times on a tie).</summary>
    private static double Quantile(List<(double Minutes, double Weight)> sorted, double q)
    {
        var total = sorted.Sum(w => w.Weight);
        var cumulative = 0.0;
        for (var i = 0; i < sorted.Count; i++)
        {
            cumulative += sorted[i].Weight;
            if (Math.Abs(cumulative - (q * total)) < 1e-12 * total && i + 1 < sorted.Count)
            {
                return Math.Round((sorted[i].Minutes + sorted[i + 1].Minutes) / 2, 2);
            }

            if (cumulative >= q * total)
            {
                return Math.Round(sorted[i].Minutes, 2);
            }
        }

        return Math.Round(sorted[^1].Minutes, 2);
    }

    private static PageEstimate PageOf(PageFacts facts, PartFeatures features, (double Minutes, EstimateInterval Interval) estimate, IReadOnlyList<Neighbour> neighbours)
    {
        var spread = estimate.Interval.LowMin > 0 ? estimate.Interval.HighMin / estimate.Interval.LowMin : double.PositiveInfinity;
        var listed = string.Join("; ", neighbours.Select(n => string.Create(
            CultureInfo.InvariantCulture,
            $"{n.Entry.DrawingNumber ?? n.Entry.File} {n.Entry.ActualMinutes:0.##} min (podobnost {n.Score:0.00})")));
        return new PageEstimate
        {
            PartType = features.PartType,
            Complexity = features.Complexity,
            MaterialDetected = facts.TitleBlock.Material?.Value,
            MaxDiameterMm = features.LargestDiameterMm,
            MaxLengthMm = features.LargestMm,
            MaxWidthMm = features.SecondMm,
            MaxHeightMm = null,
            ManufacturingDescription = "Odhad z historie dílny: vážený medián skutečných časů nejpodobnějších dílů (bez modelu).",
            Operations = ["Podle podobných dílů z historie"],
            EstimatedTimeMin = estimate.Minutes,
            Confidence = spread <= 1.5 ? Confidence.High : spread <= 2.5 ? Confidence.Medium : Confidence.Low,
            Reasoning = string.Create(
                CultureInfo.InvariantCulture,
                $"{neighbours.Count} nejpodobnějších dílů: {listed}. Vážený medián {estimate.Minutes:0.##} min, rozptyl {estimate.Interval.LowMin:0.##}–{estimate.Interval.HighMin:0.##} min."),
            Breakdown = [new BreakdownItem("Podle podobných dílů z historie", estimate.Minutes, null)],
            DrawingNumber = facts.TitleBlock.DrawingNumber?.Value,
            PartName = facts.TitleBlock.PartName?.Value,
            DrawingUnits = facts.TitleBlock.Units is null ? null : DrawingUnits.Millimetres,
        };
    }

    private static PageEstimateResult Blank() => PageEstimateResult.Local(ModelIds.History, Version, Hash);
}
