using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Estimates.Listing;

/// <summary>How a purge ended.</summary>
public enum PurgeOutcome
{
    /// <summary>The PDF, page images and text-layer facts are gone; the estimate and its feedback stay.</summary>
    Purged,

    /// <summary>No document with that id.</summary>
    NotFound,

    /// <summary>The document is on the list: delete it first.</summary>
    NotDeleted,
}

/// <summary>
/// The admin's purge of a deleted document: its PDF, page images and text-layer facts are removed from blob storage,
/// so a customer's drawing is gone for good; the estimate (minutes, operations) and the shop's feedback stay, marked
/// <see cref="DocumentEstimate.PurgedAt"/>. Only a deleted document can be purged, so one click in the list
/// cannot destroy a drawing in use.
/// </summary>
/// <param name="store">The stored documents.</param>
/// <param name="blobs">Removes the files.</param>
/// <param name="time">When the purge happened.</param>
public sealed class EstimatePurge(IEstimateStore store, IBlobRemoval blobs, TimeProvider time)
{
    private const int Attempts = 5;

    /// <summary>Purges a deleted document's files.</summary>
    /// <param name="documentId">The document id.</param>
    /// <param name="cancellationToken">Cancels the purge.</param>
    public async Task<PurgeOutcome> PurgeAsync(string documentId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(documentId, cancellationToken);
            if (document is null)
            {
                return PurgeOutcome.NotFound;
            }

            if (document.DeletedAt is null)
            {
                return PurgeOutcome.NotDeleted;
            }

            var files = new[] { document.Pdf ?? BlobReference.Drawing(document.Id) }
                .Concat(document.Pages.SelectMany(page => new[] { page.Image, page.Facts }))
                .Concat(document.Shadow?.Pages.SelectMany(page => new[] { page.Image, page.Facts }) ?? [])
                .OfType<BlobReference>()
                .Distinct();
            foreach (var file in files)
            {
                await blobs.DeleteAsync(file, cancellationToken);
            }

            try
            {
                await store.SaveAsync(document with { PurgedAt = time.GetUtcNow(), Pdf = null }, document.ETag, cancellationToken);
                return PurgeOutcome.Purged;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Saved by someone else in between: read it again; the files are already gone.
            }
        }
    }
}
