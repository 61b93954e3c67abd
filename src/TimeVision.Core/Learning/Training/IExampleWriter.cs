using System.Text.Json;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// What differs between export formats: how one example becomes a JSONL line, and what the format keeps beside the
/// two JSONL files. Everything else (labels, split, images, skipped items, manifest) the exporter does once.
/// </summary>
internal interface IExampleWriter
{
    /// <summary>Whether <see cref="WriteAsync"/> writes files of its own (images) beside the lines, to the same sink.</summary>
    bool WritesFilesBesideLines { get; }

    /// <summary>Writes <paramref name="example"/> as one JSON object (the line), and any file the line refers to.</summary>
    Task WriteAsync(Utf8JsonWriter line, TrainingExample example, CancellationToken cancellationToken);

    /// <summary>
    /// Writes what the format needs beside <paramref name="train"/> and <paramref name="validation"/>, once both are
    /// closed, and says which image files it wrote (<see langword="null"/> when images are inside the lines).
    /// </summary>
    Task<ExportImages?> CompleteAsync(ExportFile train, ExportFile validation, CancellationToken cancellationToken);
}
