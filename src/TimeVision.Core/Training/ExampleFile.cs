using System.Text.Json;

namespace TimeVision.Core.Training;

/// <summary>
/// One JSONL file of an export (<c>train.jsonl</c> or <c>validation.jsonl</c>): one example per line, flushed line by
/// line (never the whole file in memory), counted for the manifest. The line itself is the format's.
/// </summary>
/// <param name="path">The file to create.</param>
/// <param name="format">Writes each line.</param>
internal sealed class ExampleFile(string path, IExampleWriter format) : IAsyncDisposable
{
    private readonly FileStream _file = File.Create(path);
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
    private int _examples;
    private bool _closed;

    /// <summary>What the file holds so far (its final size once disposed).</summary>
    public ExportFile Summary => new(Path.GetFileName(path), _examples, _documents.Count, _closed ? new FileInfo(path).Length : _file.Length);

    /// <summary>Appends one example as one line.</summary>
    public async Task WriteAsync(TrainingExample example, CancellationToken cancellationToken)
    {
        await using (var line = new Utf8JsonWriter(_file))
        {
            await format.WriteAsync(line, example, cancellationToken);
        }

        _file.WriteByte((byte)'\n');
        await _file.FlushAsync(cancellationToken);
        _examples++;
        _documents.Add(example.DocumentId);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await _file.DisposeAsync();
        }
    }
}
