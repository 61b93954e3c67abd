using System.Globalization;
using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History;

/// <summary>One part of a stored document, with what similarity is measured on.</summary>
/// <param name="Number">1-based, as the document lists its parts.</param>
/// <param name="DrawingNumber">Its drawing number, if read.</param>
/// <param name="PartName">Its name, if read.</param>
/// <param name="Sheets">Its pages.</param>
/// <param name="Features">Its features; <see langword="null"/> when neither a text layer nor an estimate says anything.</param>
public sealed record DocumentPart(int Number, string? DrawingNumber, string? PartName, IReadOnlyList<int> Sheets, PartFeatures? Features);

/// <summary>
/// A stored document's parts and their features: the estimate's parts, or, for a document with no model answer (imported
/// history), its sheets grouped by the drawing number the text layer gives, as the estimate would group them.
/// </summary>
public static class DocumentParts
{
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Every source counts for similarity: measured first, then expert (as <see cref="FeedbackLabels.Choose"/> orders them).</summary>
    public static readonly IReadOnlySet<FeedbackSource> AllSources = new HashSet<FeedbackSource> { FeedbackSource.Actual, FeedbackSource.Expert };

    /// <summary>The parts of <paramref name="document"/>, each with its features (a label's corrections applied).</summary>
    public static async Task<IReadOnlyList<DocumentPart>> ReadAsync(DocumentEstimate document, IBlobStore blobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(blobs);
        var facts = new Dictionary<int, PageFacts>();
        foreach (var page in document.Pages)
        {
            if (await ReadFactsAsync(blobs, page.Facts, cancellationToken) is { } read)
            {
                facts[page.Page] = read;
            }
        }

        var labels = FeedbackLabels.Choose(document.Feedback, AllSources).ToList();
        if (document.Parts.Count > 0)
        {
            return [.. document.Parts.Select((part, index) => new DocumentPart(
                index + 1,
                part.DrawingNumber,
                part.PartName,
                part.Sheets,
                PartFeatures.From([.. part.Sheets.Where(facts.ContainsKey).Select(s => facts[s])], part.Estimate, LabelOf(labels, index + 1, document.Parts.Count))))];
        }

        var groups = facts.Values.OrderBy(f => f.Page)
            .GroupBy(f => f.TitleBlock.DrawingNumber?.Value.Trim().ToUpperInvariant() ?? string.Create(CultureInfo.InvariantCulture, $"page-{f.Page}"), StringComparer.Ordinal)
            .ToList();
        return [.. groups.Select((group, index) => new DocumentPart(
            index + 1,
            group.First().TitleBlock.DrawingNumber?.Value,
            group.Select(f => f.TitleBlock.PartName?.Value).FirstOrDefault(n => n is not null),
            [.. group.Select(f => f.Page)],
            PartFeatures.From([.. group], null, LabelOf(labels, index + 1, groups.Count))))];
    }

    /// <summary>The label of part <paramref name="part"/>: its own, or the whole document's when the document is one part.</summary>
    public static ShopFeedback? LabelOf(IReadOnlyList<ShopFeedback> labels, int part, int partCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.FirstOrDefault(l => l.Part == part) ?? (partCount == 1 ? labels.FirstOrDefault(l => l.Part is null) : null);
    }

    /// <summary>A page's stored facts, or <see langword="null"/> when none were stored.</summary>
    public static async Task<PageFacts?> ReadFactsAsync(IBlobStore blobs, BlobReference? reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        if (reference is null)
        {
            return null;
        }

        using var json = new MemoryStream();
        return await blobs.DownloadToAsync(reference, json, cancellationToken)
            ? JsonSerializer.Deserialize<PageFacts>(json.GetBuffer().AsSpan(0, (int)json.Length), FactsJson)
            : null;
    }
}
