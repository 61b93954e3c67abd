using System.Globalization;
using System.Text;
using TimeVision.Core.Facts;
using TimeVision.Core.Storage;
using TimeVision.Core.Vision;

namespace TimeVision.Core.History;

/// <summary>A similar past part shown to the model beside the page: what it is, and what it really took.</summary>
/// <param name="Features">Its features.</param>
/// <param name="ActualMinutes">Its real spindle time.</param>
/// <param name="DrawingNumber">Its drawing number.</param>
/// <param name="PartName">Its name.</param>
/// <param name="Image">Its sheet as stored, when the prompt sends the examples' images.</param>
public sealed record HistoryExample(PartFeatures Features, double ActualMinutes, string? DrawingNumber, string? PartName, BinaryData? Image = null);

/// <summary>Which labels the history may not show while a set is evaluated, and a tag that keeps such answers apart in the store.</summary>
/// <param name="Tag">Names the rule, e.g. <c>validation-20</c>: answers asked under it are stored under a hash of their own.</param>
/// <param name="IsHeldOut">Whether a document's labels are held out.</param>
public sealed record HistoryHoldout(string Tag, Func<string, bool> IsHeldOut);

/// <summary>
/// The <c>base</c> prompt's history section (<see cref="VisionOptions.HistoryExamples"/>): the k labelled past parts
/// most similar to the page, with their facts and real times, so the model can reason from the shop's own history.
/// </summary>
public sealed class HistoryExamples
{
    /// <summary>Changes whenever the section's wording changes; part of the prompt hash.</summary>
    public const string Version = "history-examples-1";

    private readonly HistoryIndex _index;
    private readonly IBlobStore _blobs;

    /// <summary>Creates the finder.</summary>
    public HistoryExamples(HistoryIndex index, IBlobStore blobs)
    {
        _index = index;
        _blobs = blobs;
    }

    /// <summary>
    /// The <paramref name="k"/> past parts most similar to the page, never from <paramref name="documentId"/> itself nor
    /// from a document <paramref name="holdout"/> holds out; none for a page without a text layer.
    /// </summary>
    public async Task<IReadOnlyList<HistoryExample>> ForPageAsync(
        string documentId, PageFacts? facts, int k, bool images, HistoryHoldout? holdout, CancellationToken cancellationToken)
    {
        if (k <= 0 || facts is not { HasText: true } || PartFeatures.From([facts], null) is not { } features)
        {
            return [];
        }

        var entries = await _index.EntriesAsync(cancellationToken);
        var examples = new List<HistoryExample>();
        foreach (var neighbour in HistoryIndex.Nearest(entries, features, k, e => e.DocumentId != documentId && holdout?.IsHeldOut(e.DocumentId) != true))
        {
            BinaryData? image = null;
            if (images)
            {
                using var png = new MemoryStream();
                image = await _blobs.DownloadToAsync(BlobReference.Page(neighbour.Entry.DocumentId, neighbour.Entry.Sheet), png, cancellationToken)
                    ? BinaryData.FromBytes(png.ToArray())
                    : null;
            }

            examples.Add(new HistoryExample(neighbour.Entry.Features, neighbour.Entry.ActualMinutes, neighbour.Entry.DrawingNumber, neighbour.Entry.PartName, image));
        }

        return examples;
    }

    /// <summary>The section in the prompt's language, or <see langword="null"/> for no examples.</summary>
    public static string? Render(IReadOnlyList<HistoryExample>? examples)
    {
        if (examples is not { Count: > 0 })
        {
            return null;
        }

        var text = new StringBuilder("Podobné díly z historie dílny se skutečně naměřenými časy (vřetenový čas na kus); odhad opři i o ně:\n");
        foreach (var (example, index) in examples.Select((e, i) => (e, i + 1)))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{index}. {example.DrawingNumber ?? "bez čísla"}{(example.PartName is null ? string.Empty : $" ({example.PartName})")}: {Similarity.Describe(example.Features)}; skutečný čas {example.ActualMinutes:0.##} min{(example.Image is null ? string.Empty : "; výkres přiložen")}\n");
        }

        return text.ToString().TrimEnd();
    }
}
