using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// The similar past parts a prompt's history section shows (<see cref="VisionOptions.HistoryExamples"/>): the k labelled
/// past parts most similar to the page, with their facts and real times, so the model can reason from the shop's own history.
/// </summary>
/// <param name="index">The labelled history, for the most similar parts.</param>
/// <param name="blobs">Where the pages' stored facts are.</param>
public sealed class HistoryExamples(HistoryIndex index, IBlobStore blobs) : IHistoryExampleSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryExample>> ForPageAsync(
        string documentId, PageFacts? facts, int k, bool images, HistoryHoldout? holdout, CancellationToken cancellationToken)
    {
        if (k <= 0 || facts is not { HasText: true } || PartFeatures.From([facts], null) is not { } features)
        {
            return [];
        }

        var entries = await index.EntriesAsync(cancellationToken);
        var examples = new List<HistoryExample>();
        foreach (var neighbour in HistoryIndex.Nearest(entries, features, k, e => e.DocumentId != documentId && holdout?.IsHeldOut(e.DocumentId) != true))
        {
            BinaryData? image = null;
            if (images)
            {
                using var png = new MemoryStream();
                image = await blobs.DownloadToAsync(BlobReference.Page(neighbour.Entry.DocumentId, neighbour.Entry.Sheet), png, cancellationToken)
                    ? BinaryData.FromBytes(png.ToArray())
                    : null;
            }

            examples.Add(new HistoryExample(neighbour.Entry.Features, neighbour.Entry.ActualMinutes, neighbour.Entry.DrawingNumber, neighbour.Entry.PartName, image));
        }

        return examples;
    }
}
