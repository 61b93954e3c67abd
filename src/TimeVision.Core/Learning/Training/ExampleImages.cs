using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// The sheets of one example, prepared as the estimator sends them, within the fine-tuning limits: at most
/// <see cref="TrainingExporter.MaxImagesPerExample"/> images of at most <see cref="TrainingExporter.MaxImageBytes"/> each.
/// The same for every task.
/// </summary>
internal static class ExampleImages
{
    /// <summary>The sheets' images, or why the example is left out; the run records the largest images kept.</summary>
    /// <param name="blobs">Where the page images are.</param>
    /// <param name="run">The export so far.</param>
    /// <param name="document">The document the sheets belong to.</param>
    /// <param name="sheets">The sheets, in page order.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<(List<ExampleImage>? Images, string? Skip)> PrepareAsync(
        IBlobStore blobs, ExportRun run, DocumentEstimate document, IReadOnlyList<int> sheets, CancellationToken cancellationToken)
    {
        if (sheets.Count == 0)
        {
            return (null, "no rendered page");
        }

        if (sheets.Count > TrainingExporter.MaxImagesPerExample)
        {
            return (null, $"{sheets.Count} sheets: more than {TrainingExporter.MaxImagesPerExample} images");
        }

        var images = new List<ExampleImage>();
        foreach (var sheet in sheets)
        {
            var image = document.Pages.Single(p => p.Page == sheet).Image;
            using var png = new MemoryStream();
            if (image is null || !await blobs.DownloadToAsync(image, png, cancellationToken))
            {
                return (null, "a page image is missing from storage");
            }

            var prepared = await ModelImage.FromPageAsync(BinaryData.FromBytes(png.ToArray()), run.Vision.MaxImageLongSidePx, cancellationToken);
            images.Add(new ExampleImage(document.Id, sheet, prepared));
        }

        var biggest = images.Max(i => (long)i.Image.Png.ToMemory().Length);
        if (biggest > TrainingExporter.MaxImageBytes)
        {
            return (null, "an image is larger than 10 MB");
        }

        run.LargestImages = Math.Max(run.LargestImages, images.Count);
        run.LargestImageBytes = Math.Max(run.LargestImageBytes, biggest);
        return (images, null);
    }
}
