using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Estimates.Listing;

/// <summary>
/// Soft delete and restore: a deleted document leaves the list of documents but stays stored, with its PDF and page
/// images, until restored or purged. The change is a concurrency-checked save of the document, asked again when a
/// concurrent write (feedback, a retry) got there first, so nothing that write stored is lost.
/// </summary>
/// <param name="store">The stored documents.</param>
/// <param name="time">When the deletion happened.</param>
public sealed class EstimateDeletion(IEstimateStore store, TimeProvider time)
{
    private const int Attempts = 5;

    /// <summary>Takes the document off the list; <see langword="false"/> when there is no such document.</summary>
    /// <param name="documentId">The document id.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken) =>
        ChangeAsync(documentId, deleted: true, cancellationToken);

    /// <summary>Puts a deleted document back on the list; <see langword="false"/> when there is no such document.</summary>
    /// <param name="documentId">The document id.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<bool> RestoreAsync(string documentId, CancellationToken cancellationToken) =>
        ChangeAsync(documentId, deleted: false, cancellationToken);

    private async Task<bool> ChangeAsync(string documentId, bool deleted, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(documentId, cancellationToken);
            if (document is null)
            {
                return false;
            }

            if ((document.DeletedAt is not null) == deleted)
            {
                return true;
            }

            try
            {
                await store.SaveAsync(document with { DeletedAt = deleted ? time.GetUtcNow() : null }, document.ETag, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Someone saved the document in between: read their version and apply the change to it.
            }
        }
    }
}
