using System.Globalization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>Which stored documents to evaluate.</summary>
public enum EvaluationSplit
{
    /// <summary>The validation side of the training export's split: what a fine-tuned model was not trained on.</summary>
    Validation,

    /// <summary>Every labelled document.</summary>
    All,

    /// <summary>Documents estimated in shadow mode, comparing the primary with the challenger.</summary>
    Shadow,
}

/// <summary>Builds evaluation sets from stored, labelled documents or from a folder of PDFs with a manifest of real times.</summary>
/// <param name="estimates">The stored estimates with their real times.</param>
/// <param name="drawings">The stored PDFs of those estimates.</param>
/// <param name="pipeline">Estimates a folder's PDFs that are not stored yet.</param>
public sealed class EvaluationSetBuilder(IEstimateStore estimates, StoredDrawings drawings, DocumentPipeline pipeline)
{
    /// <summary>Stored documents with feedback of the wanted sources, split as the training export splits them.</summary>
    public async Task<EvaluationSet> FromStoreAsync(
        EvaluationSplit split, IReadOnlySet<FeedbackSource> sources, int validationPercent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var items = new List<EvaluationItem>();
        var skipped = new List<EvaluationSkip>();
        await foreach (var documentId in estimates.ListLabelledAsync(cancellationToken))
        {
            if (split == EvaluationSplit.Validation && !TrainingExporter.IsValidation(documentId, validationPercent))
            {
                continue;
            }

            var document = await estimates.GetAsync(documentId, cancellationToken);
            if (document is null)
            {
                continue;
            }

            if (split == EvaluationSplit.Shadow && document.Shadow is null)
            {
                continue;
            }

            var label = DocumentLabel(document, sources);
            var pages = document.Pages.Where(p => p.Image is not null).Select(p => new EvaluationPage(p.Page, p.Image!, p.Facts)).ToList();
            if (label is null)
            {
                skipped.Add(new EvaluationSkip(documentId, document.FileName, "no whole-document time of the wanted sources (part times alone do not cover every part)"));
            }
            else if (pages.Count == 0)
            {
                skipped.Add(new EvaluationSkip(documentId, document.FileName, "no rendered page"));
            }
            else
            {
                items.Add(StoredItem(documentId, document, label, pages));
            }
        }

        return new EvaluationSet(SetName(split, validationPercent), [.. items.OrderBy(i => i.DocumentId, StringComparer.Ordinal)], skipped)
        {
            HeldOut = split == EvaluationSplit.Validation ? id => TrainingExporter.IsValidation(id, validationPercent) : _ => false,
            LabelSources = sources,
        };
    }

    /// <summary>A stored document to evaluate: its label, with the primary estimate's classes where the label has none.</summary>
    private static EvaluationItem StoredItem(string documentId, DocumentEstimate document, Label label, List<EvaluationPage> pages)
    {
        var primary = document.Parts.Select(p => p.Estimate).FirstOrDefault();
        return new EvaluationItem
        {
            DocumentId = documentId,
            FileName = document.FileName,
            ActualMinutes = label.Minutes,
            ActualSetupMinutes = label.SetupMinutes,
            ActualRunMinutes = label.RunMinutes,
            LabelSource = label.Source,
            PartType = Code(label.PartType ?? primary?.PartType),
            Complexity = Code(label.Complexity ?? primary?.Complexity),
            MaterialGroup = MaterialCatalog.GroupOf(label.Material ?? primary?.MaterialDetected) ?? "unknown",
            Pages = pages,
        };
    }

    private static string SetName(EvaluationSplit split, int validationPercent) => split switch
    {
        EvaluationSplit.Validation => string.Create(CultureInfo.InvariantCulture, $"validation side of the export split ({validationPercent} %)"),
        EvaluationSplit.Shadow => "documents estimated in shadow mode",
        _ => "every labelled document",
    };

    /// <summary>
    /// A manifest (CSV <c>file,actual_minutes[,part_type][,material]</c> with a header, or a JSON array of objects with
    /// those fields) beside the PDFs: each PDF is stored and rendered (with its facts) once, so every model sees the
    /// same pages; no pipeline run or stored estimate is needed.
    /// </summary>
    public async Task<EvaluationSet> FromManifestAsync(string manifestPath, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var items = new List<EvaluationItem>();
        var skipped = new List<EvaluationSkip>();
        foreach (var row in await ManifestRows.ReadAsync(manifestPath, cancellationToken))
        {
            var pdf = Path.Combine(folder, row.File);
            if (!File.Exists(pdf))
            {
                skipped.Add(new EvaluationSkip(null, row.File, "the file is missing"));
                continue;
            }

            var (documentId, reference) = await drawings.StoreFileAsync(pdf, cancellationToken);
            var inspection = await pipeline.InspectAsync(documentId, reference, cancellationToken);
            if (inspection.Error is { } error)
            {
                skipped.Add(new EvaluationSkip(documentId, row.File, $"{error.Code}: {error.Message}"));
                continue;
            }

            var pages = new List<EvaluationPage>();
            foreach (var page in inspection.Pages)
            {
                var rendered = await pipeline.RenderPageAsync(new RenderPageRequest(documentId, reference, page), cancellationToken);
                if (rendered.Image is not null)
                {
                    pages.Add(new EvaluationPage(page.Number, rendered.Image, rendered.Facts));
                }
            }

            items.Add(new EvaluationItem
            {
                DocumentId = documentId,
                FileName = row.File,
                ActualMinutes = row.ActualMinutes,
                LabelSource = "manifest",
                PartType = row.PartType ?? "unknown",
                MaterialGroup = MaterialCatalog.GroupOf(row.Material) ?? (row.Material is null ? "unknown" : "other"),
                Pages = pages,
            });
        }

        return new EvaluationSet($"manifest {Path.GetFileName(manifestPath)}", items, skipped);
    }

    private static Label? DocumentLabel(DocumentEstimate document, IReadOnlySet<FeedbackSource> sources)
    {
        // The same choice as the training export: measured beats expert, then the latest entry.
        var labels = FeedbackLabels.Choose(document.Feedback, sources).ToList();
        if (labels.FirstOrDefault(f => f.Part is null) is { } whole)
        {
            return new Label(
                whole.ActualMinutes, Json.JsonCode.Of(whole.Source), whole.PartType, whole.Complexity, whole.Material, whole.Import?.SetupMinutes, whole.Import?.RunMinutes);
        }

        var perPart = document.Parts.Select((_, index) => labels.FirstOrDefault(f => f.Part == index + 1)).ToList();
        return perPart.Count > 0 && perPart.All(f => f is not null)
            ? new Label(
                perPart.Sum(f => f!.ActualMinutes), "parts", null, null, perPart[0]!.Material,
                SumOf(perPart, f => f.Import?.SetupMinutes), SumOf(perPart, f => f.Import?.RunMinutes))
            : null;
    }

    /// <summary>The parts' setup or run minutes added up, when every part has them.</summary>
    private static double? SumOf(List<ShopFeedback?> parts, Func<ShopFeedback, double?> minutes) =>
        parts.All(p => minutes(p!) is not null) ? parts.Sum(p => minutes(p!)!.Value) : null;

    private static string Code<T>(T? value)
        where T : struct, Enum => value is { } v ? Json.JsonCode.Of(v) : "unknown";

    /// <summary>A document's label: the time, its source, the classes it corrects, and the real setup and run minutes when known apart.</summary>
    private sealed record Label(
        double Minutes, string Source, PartType? PartType, Complexity? Complexity, string? Material, double? SetupMinutes, double? RunMinutes);
}
