using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// The features task's side of an export: one example per document with confirmed features (<see cref="ConfirmedFeatures"/>),
/// its rendered sheets with the <c>reading</c> prompt set, answered by <see cref="FeatureAnswer"/>; split by drawing
/// (<see cref="DrawingSplit"/>). Each example's label source and who confirmed it go to the manifest.
/// </summary>
/// <param name="documents">The documents with something confirmed.</param>
/// <param name="blobs">Where the page images are.</param>
internal sealed class FeatureExamples(FeatureLabelledDocuments documents, IBlobStore blobs)
{
    /// <summary>The documents the first side's pass found confirmed, so the second pass reads only those.</summary>
    private List<string>? _candidates;

    /// <summary>Writes every example of one side, in document id order.</summary>
    public async Task WriteSideAsync(ExportRun run, ExampleFile writer, bool validationSide, CancellationToken cancellationToken)
    {
        var request = run.Request;
        var firstPass = _candidates is null;
        var ids = _candidates ?? await documents.ListIdsAsync(cancellationToken);
        _candidates = firstPass ? [] : _candidates;
        await foreach (var candidate in documents.ListAsync(ids, cancellationToken))
        {
            if (firstPass)
            {
                _candidates!.Add(candidate.Document.Id);
            }

            if (TrainingExporter.IsValidation(candidate.DrawingKey, request.ValidationPercent) != validationSide)
            {
                continue;
            }

            var document = candidate.Document;
            var label = candidate.Confirmed.Label;
            if (label is not null && request.Since is { } since && label.ConfirmedAt < since)
            {
                continue; // confirmed before the time asked for: not wanted, not left out
            }

            var why = label is null ? candidate.Confirmed.Reason : candidate.NotOnePart;
            if (why is null)
            {
                (var images, why) = await ExampleImages.PrepareAsync(blobs, run, document, candidate.Sheets, cancellationToken);
                if (images is not null)
                {
                    await writer.WriteAsync(new TrainingExample(document.Id, images, FeatureAnswer.Build(label!.Features)), cancellationToken);
                    run.Labels.Add(new ExampleLabel(
                        document.Id, document.FileName, candidate.DrawingKey, validationSide ? "validation" : "train", label.Source, label.ConfirmedBy, label.ConfirmedAt,
                        label.FeaturesVersion, label.Features.Features.Count));
                    continue;
                }
            }

            run.Skipped.Add(new SkippedItem(document.Id, document.FileName, null, why!));
        }
    }
}
