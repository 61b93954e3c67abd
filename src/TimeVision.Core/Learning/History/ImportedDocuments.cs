using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History;

/// <summary>What importing one PDF gave: the stored document (or, in a dry run, the one found stored), or why it could not be read.</summary>
/// <param name="Document">The stored document; <see langword="null"/> in a dry run for a PDF not stored yet.</param>
/// <param name="Rendered">Whether its pages were rendered now.</param>
/// <param name="Error">Why the PDF could not be imported.</param>
public sealed record ImportedDocument(DocumentEstimate? Document, bool Rendered, RenderError? Error);

/// <summary>
/// Past drawings as documents, on the pipeline's own steps: stored under their content hash, inspected, every page
/// rendered with its text-layer facts, saved as <see cref="DocumentStatus.Imported"/> without a model call. A document
/// already stored, imported or estimated, is never rendered again: that is how an import run again goes on where it
/// stopped.
/// </summary>
public sealed class ImportedDocuments(
    IEstimateStore estimates, IBlobStore blobs, StoredDrawings drawings, DocumentPipeline pipeline, PopplerTextReader text, TimeProvider time)
{
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    /// <summary>The stored document of <paramref name="documentId"/>, imported from <paramref name="path"/> first when there is none (unless <paramref name="dryRun"/>).</summary>
    public async Task<ImportedDocument> EnsureAsync(string path, string fileName, DocumentId documentId, bool dryRun, CancellationToken cancellationToken)
    {
        if (await estimates.GetAsync(documentId.Value, cancellationToken) is { } stored)
        {
            return new ImportedDocument(stored, Rendered: false, null);
        }

        if (dryRun)
        {
            return new ImportedDocument(null, Rendered: false, null);
        }

        var createdAt = time.GetUtcNow();
        var (id, pdf) = await drawings.StoreFileAsync(path, cancellationToken);
        var inspection = await pipeline.InspectAsync(id, pdf, cancellationToken);
        if (inspection.Error is { } error)
        {
            return new ImportedDocument(null, Rendered: false, error);
        }

        var pages = new List<DocumentPage>(inspection.Pages.Count);
        foreach (var page in inspection.Pages)
        {
            var rendered = await pipeline.RenderPageAsync(new RenderPageRequest(id, pdf, page), cancellationToken);
            pages.Add(rendered.Image is null
                ? new DocumentPage(page.Number, PageEstimateStatus.Failed, null, rendered.Error, null, rendered.Facts)
                : new DocumentPage(page.Number, PageEstimateStatus.NotEstimated, rendered.Image, null, null, rendered.Facts));
        }

        var document = new DocumentEstimate
        {
            Id = id,
            FileName = FileNames.Clean(fileName),
            Source = DocumentSource.Import,
            Status = DocumentStatus.Imported,
            PageCount = pages.Count,
            Pages = pages,
            Parts = [],
            Models = [],
            CreatedAt = createdAt,
            CompletedAt = time.GetUtcNow(),
            Pdf = pdf,
        };
        var token = await estimates.SaveAsync(document, ifMatch: null, cancellationToken);
        return new ImportedDocument(document with { ETag = token }, Rendered: true, null);
    }

    /// <summary>
    /// The drawing numbers a PDF carries: for a stored document its parts' numbers and each page's stored facts, else
    /// read from the PDF's text layer now (a PDF without a usable one has none).
    /// </summary>
    public async Task<IReadOnlyList<string>> DrawingNumbersAsync(string path, DocumentId documentId, CancellationToken cancellationToken)
    {
        var numbers = new List<string>();
        if (await estimates.GetAsync(documentId.Value, cancellationToken) is { } stored)
        {
            numbers.AddRange(stored.Parts.Select(p => p.DrawingNumber).OfType<string>());
            foreach (var page in stored.Pages.Where(p => p.Facts is not null))
            {
                using var json = new MemoryStream();
                if (await blobs.DownloadToAsync(page.Facts!, json, cancellationToken)
                    && JsonSerializer.Deserialize<PageFacts>(json.GetBuffer().AsSpan(0, (int)json.Length), FactsJson)?.TitleBlock.DrawingNumber is { } fact)
                {
                    numbers.Add(fact.Value);
                }
            }
        }
        else
        {
            var textLayer = await text.TryReadAsync(path, null, null, cancellationToken);
            if (textLayer.Succeeded)
            {
                numbers.AddRange(textLayer.Value.Select(page => DrawingFactsReader.Read(page).TitleBlock.DrawingNumber?.Value).OfType<string>());
            }
        }

        return [.. numbers.Where(n => n.Trim().Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
