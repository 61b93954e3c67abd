using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Estimates.Stores;

/// <summary>Stores document estimates, and each page's model result as soon as it exists.</summary>
public interface IEstimateStore
{
    /// <summary>A stored document with its <see cref="DocumentEstimate.ETag"/>, or <see langword="null"/>.</summary>
    Task<DocumentEstimate?> GetAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a document. With <paramref name="ifMatch"/>, only when the stored copy still has that token.
    /// </summary>
    /// <returns>The new concurrency token.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored copy changed since <paramref name="ifMatch"/> was read.</exception>
    Task<string> SaveAsync(DocumentEstimate document, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>How many stored documents each model estimated pages of.</summary>
    Task<IReadOnlyDictionary<string, int>> CountByModelAsync(CancellationToken cancellationToken);

    /// <summary>The ids of every document that carries feedback, in id order.</summary>
    IAsyncEnumerable<string> ListLabelledAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every document that carries feedback with a version of it, in id order: what the training set is made of. One
    /// cheap read (Cosmos DB: one single-partition query on the label index, not a read per document).
    /// </summary>
    IAsyncEnumerable<LabelVersion> ListLabelVersionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The ids of documents that may have retryable pages (<see cref="DocumentEstimate.RetryablePages"/>), in id order.
    /// An id may be listed after its pages recovered; read the document to be sure.
    /// </summary>
    IAsyncEnumerable<string> ListRetryableAsync(CancellationToken cancellationToken);

    /// <summary>Takes a document whose pages recovered off the list <see cref="ListRetryableAsync"/> gives (the retry sweep's repair).</summary>
    Task ForgetRetryableAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>A page result stored for this document, page, model and prompt, or <see langword="null"/>.</summary>
    Task<PageEstimateResult?> GetPageResultAsync(string documentId, int page, string model, string promptHash, CancellationToken cancellationToken);

    /// <summary>Stores a page result, so a re-run does not ask the model again.</summary>
    Task SavePageResultAsync(string documentId, int page, PageEstimateResult result, CancellationToken cancellationToken);
}
