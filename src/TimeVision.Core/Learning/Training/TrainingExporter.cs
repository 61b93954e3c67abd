using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// Writes fine-tuning JSONL for vision from labelled estimates, one line per labelled part (the minutes task) or per
/// document with confirmed features (the features task, <see cref="FeatureExamples"/>), streamed line by line
/// (never the whole file in memory), in the requested <see cref="TrainingFormat"/>: OpenAI's (images inside the lines)
/// or ShareGPT for open-weight training (image files beside the lines). System and user text are exactly the prompt
/// set the model will be served with; images are prepared as the estimator sends them. Documents are split into
/// training and validation by a hash of their id (features: of their drawing, <see cref="DrawingSplit"/>), so a document
/// never lands on both sides and re-exports are stable. The formats and the tasks share all of this; only the line and
/// what lies beside it differ (<see cref="IExampleWriter"/>). Where the files go is an <see cref="IExportSink"/>: a
/// folder, or zip entries streamed to a caller as they are written.
/// </summary>
/// <param name="estimates">The stored estimates and their labels.</param>
/// <param name="blobs">Where the page images are.</param>
/// <param name="featureDocuments">The documents with confirmed features, for the features task.</param>
/// <param name="prompts">The prompt sets the examples carry.</param>
/// <param name="vision">How images are prepared.</param>
/// <param name="time">When the export ran.</param>
public sealed class TrainingExporter(
    IEstimateStore estimates, IBlobStore blobs, FeatureLabelledDocuments featureDocuments, PromptCatalog prompts, IOptionsMonitor<VisionOptions> vision, TimeProvider time)
{
    /// <summary>The most images one fine-tuning example may hold.</summary>
    public const int MaxImagesPerExample = 10;

    /// <summary>The largest image a fine-tuning example may hold.</summary>
    public const long MaxImageBytes = 10L * 1024 * 1024;

    /// <summary>The fewest training examples a fine-tuning job accepts.</summary>
    public const int MinTrainingExamples = 10;

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Exports every labelled document and writes the manifest, into <paramref name="sink"/> one file at a time:
    /// <c>train.jsonl</c> (the training side's documents, in id order), then <c>validation.jsonl</c> (the validation
    /// side's), then whatever the format keeps beside them, then <c>manifest.json</c>. Each side is one pass over the
    /// labelled documents, so neither file has to be held while the other is written.
    /// </summary>
    public async Task<TrainingManifest> ExportAsync(TrainingExportRequest request, IExportSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        if (!ValidationShare.IsValid(request.ValidationPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.ValidationPercent, $"ValidationPercent must be {ValidationShare.Rule}.");
        }

        var features = request.Task == TrainingTask.Features;
        var prompt = prompts.Get(features ? PromptCatalog.ReadingSetId : request.PromptSetId);
        var visionOptions = vision.CurrentValue;
        IExampleWriter format = request.Format switch
        {
            TrainingFormat.OpenAI => new OpenAIExampleWriter(prompt, visionOptions.Detail),
            TrainingFormat.ShareGpt => new ShareGptExampleWriter(sink, prompt),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Format, "Unknown training format."),
        };
        var run = new ExportRun(request, format, visionOptions);
        var featureExamples = features ? new FeatureExamples(featureDocuments, blobs) : null;
        var train = await WriteSideAsync(run, sink, "train.jsonl", validationSide: false, featureExamples, cancellationToken);
        var validation = await WriteSideAsync(run, sink, "validation.jsonl", validationSide: true, featureExamples, cancellationToken);
        var imageFiles = await format.CompleteAsync(train, validation, cancellationToken);
        var manifest = new TrainingManifest
        {
            CreatedAt = time.GetUtcNow(),
            Task = request.Task,
            Format = request.Format,
            Prompt = new PromptIdentity(prompt.Id, prompt.Version, prompt.Hash),
            Images = new ImageSettings(visionOptions.MaxImageLongSidePx, visionOptions.Detail),
            Sources = features
                ? run.Labels.Select(l => Json.JsonCode.Of(l.LabelSource)).Distinct().Order(StringComparer.Ordinal).ToList()
                : request.Sources.Select(Json.JsonCode.Of).Order(StringComparer.Ordinal).ToList(),
            IncludesShadow = request.IncludeShadow && !features,
            Since = request.Since,
            SplitRule = features
                ? DrawingSplit.Rule(request.ValidationPercent)
                : string.Create(CultureInfo.InvariantCulture, $"validation when the first 4 bytes of SHA-256(document id), big-endian, mod 100 < {request.ValidationPercent}"),
            Train = train,
            Validation = validation,
            ImageFiles = imageFiles,
            Examples = features ? run.Labels : null,
            Skipped = run.Skipped,
            Checks =
            [
                new LimitCheck("min_training_examples", train.Examples >= MinTrainingExamples, string.Create(CultureInfo.InvariantCulture, $"{train.Examples} training examples; at least {MinTrainingExamples} are required")),
                new LimitCheck("max_images_per_example", run.LargestImages <= MaxImagesPerExample, string.Create(CultureInfo.InvariantCulture, $"at most {run.LargestImages} images in one example; the limit is {MaxImagesPerExample}")),
                new LimitCheck("max_image_bytes", run.LargestImageBytes <= MaxImageBytes, string.Create(CultureInfo.InvariantCulture, $"largest image {run.LargestImageBytes} bytes; the limit is 10 MB")),
            ],
        };
        await using (var file = await sink.CreateAsync("manifest.json", cancellationToken))
        {
            await JsonSerializer.SerializeAsync(file, manifest, ManifestJson, cancellationToken);
        }

        return manifest;
    }

    /// <summary>Writes one side's file: every labelled document on that side of the split, in id order.</summary>
    private async Task<ExportFile> WriteSideAsync(
        ExportRun run, IExportSink sink, string name, bool validationSide, FeatureExamples? featureExamples, CancellationToken cancellationToken)
    {
        var request = run.Request;
        await using var writer = await ExampleFile.CreateAsync(sink, name, run.Format, cancellationToken);
        if (featureExamples is not null)
        {
            await featureExamples.WriteSideAsync(run, writer, validationSide, cancellationToken);
            await writer.CompleteAsync(cancellationToken);
            return writer.Summary;
        }

        await foreach (var documentId in estimates.ListLabelledAsync(cancellationToken))
        {
            if (IsValidation(documentId, request.ValidationPercent) != validationSide
                || await estimates.GetAsync(documentId, cancellationToken) is not { } stored)
            {
                continue;
            }

            // The shadow challenger's answers are examples only when asked for, as a second reading of the same sheets.
            foreach (var document in request.IncludeShadow && stored.Shadow is { } shadow ? [stored, AsShadow(stored, shadow)] : new[] { stored })
            {
                await WriteDocumentAsync(run, writer, document, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return writer.Summary;
    }

    private async Task WriteDocumentAsync(ExportRun run, ExampleFile writer, DocumentEstimate document, CancellationToken cancellationToken)
    {
        foreach (var page in document.Pages.Where(p => p.Status != PageEstimateStatus.Completed))
        {
            run.Skipped.Add(new SkippedItem(document.Id, document.FileName, null, $"page {page.Page} is {Json.JsonCode.Of(page.Status)}: left out"));
        }

        foreach (var label in Labels(document, run.Request))
        {
            var part = PartFor(document, label, out var reason);
            if (part is null)
            {
                run.Skipped.Add(new SkippedItem(document.Id, document.FileName, label.Part, reason!));
                continue;
            }

            var (images, notShown) = await ExampleImages.PrepareAsync(blobs, run, document, part.Sheets, cancellationToken);
            if (images is null)
            {
                run.Skipped.Add(new SkippedItem(document.Id, document.FileName, label.Part, notShown!));
                continue;
            }

            var answer = JsonSerializer.Serialize(TrainingAnswer.Build(part.Estimate, label), EstimateJson.AnswerOptions);
            await writer.WriteAsync(new TrainingExample(document.Id, images, answer), cancellationToken);
        }
    }

    /// <summary>The document as the shadow challenger estimated it: its pages and parts, the same feedback.</summary>
    private static DocumentEstimate AsShadow(DocumentEstimate document, ShadowEstimate shadow)
    {
        var (parts, total, models, status) = DocumentAggregator.Aggregate(shadow.Pages);
        return document with
        {
            FileName = $"{document.FileName} (shadow {shadow.Model})",
            Pages = shadow.Pages,
            Parts = parts,
            TotalEstimatedMinutes = total,
            Models = models,
            Status = status,
        };
    }

    /// <summary>Whether a document belongs to the validation side: stable for a document, whatever else is exported.</summary>
    public static bool IsValidation(string documentId, int validationPercent)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(documentId));
        return BinaryPrimitives.ReadUInt32BigEndian(hash) % 100 < validationPercent;
    }

    /// <summary>The label that counts per part (or document): the latest of the wanted sources, measured before expert.</summary>
    private static IEnumerable<ShopFeedback> Labels(DocumentEstimate document, TrainingExportRequest request) =>
        FeedbackLabels.Choose(document.Feedback, request.Sources, request.Since);

    private static PartEstimate? PartFor(DocumentEstimate document, ShopFeedback label, out string? reason)
    {
        reason = null;
        if (label.Part is { } number)
        {
            if (number >= 1 && number <= document.Parts.Count)
            {
                return document.Parts[number - 1];
            }

            reason = $"part {number} has no estimate";
            return null;
        }

        switch (document.Parts.Count)
        {
            case 1:
                return document.Parts[0];
            case 0:
                reason = "no page of the document has an estimate";
                return null;
            default:
                reason = $"a whole-document time for {document.Parts.Count} parts: enter a time per part";
                return null;
        }
    }
}
