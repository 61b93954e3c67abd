using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History;

/// <summary>A past part similar to one of a document's parts.</summary>
/// <param name="Id">The past part's document.</param>
/// <param name="Part">Its part number in that document.</param>
/// <param name="File">Its file.</param>
/// <param name="DrawingNumber">Its drawing number.</param>
/// <param name="PartName">Its name.</param>
/// <param name="ActualMin">Its real spindle time.</param>
/// <param name="Source"><c>actual</c> or <c>expert</c>.</param>
/// <param name="Rows">How many production orders the time stands for.</param>
/// <param name="Score">Its similarity, from 0 to 1.</param>
/// <param name="Reasons">What matched and what did not.</param>
public sealed record SimilarPart(
    string Id, int Part, string File, string? DrawingNumber, string? PartName, double ActualMin, string Source, int Rows, double Score, IReadOnlyList<SimilarityReason> Reasons);

/// <summary>One part of the asked document and its most similar past parts, best first.</summary>
/// <param name="Part">1-based.</param>
/// <param name="DrawingNumber">Its drawing number.</param>
/// <param name="PartName">Its name.</param>
/// <param name="Features">What it was compared on, as one line; <see langword="null"/> when nothing is known of it.</param>
/// <param name="Neighbours">The similar past parts.</param>
public sealed record PartNeighbours(int Part, string? DrawingNumber, string? PartName, string? Features, IReadOnlyList<SimilarPart> Neighbours);

/// <summary>The similar past parts of every part of a document.</summary>
/// <param name="Id">The document.</param>
/// <param name="File">Its file.</param>
/// <param name="HistoryParts">Labelled parts in the history.</param>
/// <param name="Parts">Per part, its neighbours.</param>
public sealed record SimilarPartsAnswer(string Id, string File, int HistoryParts, IReadOnlyList<PartNeighbours> Parts);

/// <summary>
/// Finds, for each part of a stored document, the k most similar labelled parts of the shop's history; a document is
/// never its own neighbour. What <c>timevision similar</c> and <c>GET /api/estimates/{id}/similar</c> answer.
/// </summary>
/// <param name="index">The labelled history.</param>
/// <param name="estimates">The stored estimates, for the document's parts.</param>
/// <param name="blobs">Where the pages' stored facts are.</param>
/// <param name="options">How many neighbours to show.</param>
public sealed class SimilarPartsFinder(HistoryIndex index, IEstimateStore estimates, IBlobStore blobs, IOptionsMonitor<HistoryOptions> options)
{
    /// <summary>The answer for <paramref name="documentId"/>, or <see langword="null"/> when no such document is stored.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="k">Neighbours per part (default <see cref="HistoryOptions.Neighbours"/>), 1 to <see cref="HistoryOptions.MaxNeighbours"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<SimilarPartsAnswer?> FindAsync(string documentId, int? k, CancellationToken cancellationToken)
    {
        var count = Math.Clamp(k ?? options.CurrentValue.Neighbours, 1, HistoryOptions.MaxNeighbours);
        var document = await estimates.GetAsync(documentId, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var entries = await index.EntriesAsync(cancellationToken);
        var parts = await DocumentParts.ReadAsync(document, blobs, cancellationToken);
        return new SimilarPartsAnswer(document.Id, document.FileName, entries.Count, [.. parts.Select(part => new PartNeighbours(
            part.Number,
            part.DrawingNumber,
            part.PartName,
            part.Features?.Summary,
            part.Features is { } features
                ? [.. HistoryIndex.Nearest(entries, features, count, e => e.DocumentId != document.Id).Select(n => Of(n, features))]
                : []))]);
    }

    private static SimilarPart Of(Neighbour neighbour, PartFeatures query) => new(
        neighbour.Entry.DocumentId,
        neighbour.Entry.Part,
        neighbour.Entry.File,
        neighbour.Entry.DrawingNumber,
        neighbour.Entry.PartName,
        neighbour.Entry.ActualMinutes,
        Json.JsonCode.Of(neighbour.Entry.Source),
        neighbour.Entry.Rows,
        Math.Round(neighbour.Score, 4),
        Similarity.Reasons(query, neighbour.Entry.Features));
}
