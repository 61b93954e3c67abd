using System.Text.Json;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History.Durable;

/// <summary>
/// The import activity's body: the posted times file from its blob into a temporary file, <see cref="HistoryImporter"/>
/// over the history container (<see cref="HistoryDrawingsContainer"/>), progress after each drawing and the summary as
/// blobs beside the file (<c>history-imports/&lt;id&gt;.progress.json</c>, <c>….summary.json</c>).
/// </summary>
public sealed class HistoryImportSteps
{
    private readonly IBlobStore _blobs;
    private readonly HistoryImporter _importer;
    private readonly IHistoryDrawings _drawings;

    /// <summary>Creates the step.</summary>
    public HistoryImportSteps(IBlobStore blobs, HistoryImporter importer, HistoryDrawingsContainer drawings)
    {
        ArgumentNullException.ThrowIfNull(drawings);
        _blobs = blobs;
        _importer = importer;
        _drawings = drawings.Drawings;
    }

    /// <summary>Runs the import and stores its summary.</summary>
    public async Task<HistoryImportResult> RunAsync(HistoryImportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = Path.Combine(Path.GetTempPath(), $"timevision-{input.ImportId}-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var file = File.Create(path))
            {
                if (!await _blobs.DownloadToAsync(input.Times, file, cancellationToken))
                {
                    throw new InvalidOperationException($"The times file {input.Times} is missing.");
                }
            }

            var progress = new StoredProgress(_blobs, HistoryImports.ProgressBlob(input.ImportId), cancellationToken);
            var options = input.Options;
            var outcome = await _importer.ImportAsync(
                new HistoryImportRequest(path, options.TimesFileName, options.Aggregate, options.Source, options.DryRun), _drawings, progress, cancellationToken);
            await progress.FlushedAsync();
            if (outcome.Summary is not { } summary)
            {
                return new HistoryImportResult(null, outcome.Error);
            }

            var reference = HistoryImports.SummaryBlob(input.ImportId);
            await _blobs.UploadAsync(reference, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(summary, HistoryImports.Json)), cancellationToken);
            return new HistoryImportResult(reference, null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Stores each progress report in turn, one write after the other, so the last one stored is the latest.</summary>
    private sealed class StoredProgress(IBlobStore blobs, BlobReference blob, CancellationToken cancellationToken) : IProgress<HistoryImportProgress>
    {
        private Task _writes = Task.CompletedTask;

        public void Report(HistoryImportProgress value)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(value, HistoryImports.Json);
            _writes = WriteAfterAsync(_writes, json);
        }

        public Task FlushedAsync() => _writes;

        private async Task WriteAfterAsync(Task previous, byte[] json)
        {
            await previous;
            await blobs.UploadAsync(blob, new MemoryStream(json), cancellationToken);
        }
    }
}
