using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Checklist;

/// <summary>Stores each document's facts checklist, with optimistic concurrency.</summary>
public interface IChecklistStore
{
    /// <summary>The document's checklist with its <see cref="DocumentChecklist.ETag"/>, or <see langword="null"/> when none was saved.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DocumentChecklist?> GetAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="checklist"/>: only if the stored copy still carries <paramref name="ifMatch"/>, or, with
    /// <see langword="null"/>, only if there is none yet. The new token.
    /// </summary>
    /// <param name="checklist">The checklist.</param>
    /// <param name="ifMatch">The token it was read with, or <see langword="null"/> for a first save.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ConcurrencyConflictException">It changed (or was created) since it was read.</exception>
    Task<string> SaveAsync(DocumentChecklist checklist, string? ifMatch, CancellationToken cancellationToken);
}
