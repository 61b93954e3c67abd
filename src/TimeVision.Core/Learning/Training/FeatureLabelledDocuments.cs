using System.Runtime.CompilerServices;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Estimating.Estimates.Stores;

namespace TimeVision.Core.Learning.Training;

/// <summary>A stored document that may teach or measure reading: its confirmed features or why none, and its drawing.</summary>
/// <param name="Document">The stored estimate.</param>
/// <param name="Confirmed">Its label, or why it has none.</param>
/// <param name="DrawingKey">The key the split decides its side by (<see cref="DrawingSplit"/>).</param>
/// <param name="Sheets">The rendered sheets an example shows, in page order.</param>
public sealed record FeatureLabelledDocument(DocumentEstimate Document, ConfirmedFeaturesResult Confirmed, string DrawingKey, IReadOnlyList<int> Sheets)
{
    /// <summary>Why the document teaches nothing although it may be confirmed: several parts; <see langword="null"/> when it can.</summary>
    public string? NotOnePart => Document.Parts.Count > 1
        ? $"{Document.Parts.Count} parts: features are kept per document, so a document of several parts is left out"
        : null;
}

/// <summary>
/// The stored documents the features task reads, in id order: every document on the list (deleted ones stay out, as a
/// customer asked), with estimator features or an accepted plan. One rule for the training export and the evaluation.
/// </summary>
/// <param name="listing">The list of stored documents.</param>
/// <param name="estimates">The stored estimates.</param>
public sealed class FeatureLabelledDocuments(IEstimateListing listing, IEstimateStore estimates)
{
    /// <summary>Every document a person confirmed something of (estimator features, or an accepted plan), with its label or why it has none.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async IAsyncEnumerable<FeatureLabelledDocument> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var document in ListAsync(await ListIdsAsync(cancellationToken), cancellationToken))
        {
            yield return document;
        }
    }

    /// <summary>As <see cref="ListAsync(CancellationToken)"/>, among <paramref name="ids"/> only (a second pass over the same documents).</summary>
    /// <param name="ids">Document ids, in the order wanted.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async IAsyncEnumerable<FeatureLabelledDocument> ListAsync(IEnumerable<string> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            if (await estimates.GetAsync(id, cancellationToken) is not { Features: { } features } document
                || (features.LatestEstimatorReading is null && features.LatestAcceptance is null))
            {
                continue;
            }

            var sheets = document.Pages.Where(p => p.Image is not null).Select(p => p.Page).ToList();
            yield return new FeatureLabelledDocument(document, ConfirmedFeatures.Of(document), DrawingSplit.KeyOf(document), sheets);
        }
    }

    /// <summary>The ids of every document on the list, in id order.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<List<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var query = new EstimateQuery { PageSize = EstimateQuery.MaxPageSize };
        while (true)
        {
            var page = await listing.ListAsync(query, cancellationToken);
            ids.AddRange(page.Items.Select(i => i.Id));
            if (page.ContinuationToken is null || !ListCursor.TryParse(page.ContinuationToken, out var after))
            {
                return [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            }

            query = query with { After = after };
        }
    }
}
