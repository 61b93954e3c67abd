using System.Collections.Concurrent;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Training;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Support;

/// <summary>
/// Training exports of <see cref="LabelledCorpus"/>, each corpus stored and exported once for a test class (its
/// <c>IClassFixture</c>) and then only read: a fine-tuning start reads an export folder and never writes to it, so
/// every test of the class can start its jobs from the same folder, against a server and a data folder of its own.
/// </summary>
public sealed class LabelledExports : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ConcurrentDictionary<(int Measured, int ValidationPercent, TrainingFormat Format), Lazy<Task<LabelledExport>>> _exports = new();

    /// <summary>
    /// The export of a corpus of <paramref name="measuredDocuments"/> measured documents (and the corpus's three
    /// others), by actual times only, made the first time it is asked for.
    /// </summary>
    public Task<LabelledExport> GetAsync(int measuredDocuments, int validationPercent, TrainingFormat format, CancellationToken cancellationToken) =>
        _exports.GetOrAdd(
            (measuredDocuments, validationPercent, format),
            key => new Lazy<Task<LabelledExport>>(() => ExportAsync(key.Measured, key.ValidationPercent, key.Format, cancellationToken))).Value;

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();

    private async Task<LabelledExport> ExportAsync(int measuredDocuments, int validationPercent, TrainingFormat format, CancellationToken cancellationToken)
    {
        var name = $"{measuredDocuments}-{validationPercent}-{format}";
        await using var services = CoreServices.Create(("Storage:DataDirectory", Path.Combine(_folder.Path, name, "data")));
        await LabelledCorpus.BuildAsync(services, cancellationToken, measuredDocuments);
        var folder = Path.Combine(_folder.Path, name, "export");
        var manifest = await services.Get<TrainingExporter>().ExportAsync(
            new TrainingExportRequest(new HashSet<FeedbackSource> { FeedbackSource.Actual }, ValidationPercent: validationPercent, Format: format),
            new FolderExportSink(folder),
            cancellationToken);
        return new LabelledExport(folder, manifest);
    }
}

/// <summary>An export folder and its manifest.</summary>
public sealed record LabelledExport(string Folder, TrainingManifest Manifest);
