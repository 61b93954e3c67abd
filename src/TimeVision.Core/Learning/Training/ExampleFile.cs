using System.Text.Json;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// One JSONL file of an export (<c>train.jsonl</c> or <c>validation.jsonl</c>): one example per line, counted for the
/// manifest. The line itself is the format's. Lines go straight to the sink's file and are flushed one by one (never
/// the whole file in memory), except for a format that writes files of its own beside the lines
/// (<see cref="IExampleWriter.WritesFilesBesideLines"/>): a sink takes one file at a time, so those lines, text only,
/// are held until <see cref="CompleteAsync"/> and written then.
/// </summary>
internal sealed class ExampleFile : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly IExportSink _sink;
    private readonly string _name;
    private readonly IExampleWriter _format;
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
    private Stream? _lines;
    private int _examples;
    private long _bytes;
    private bool _closed;

    private ExampleFile(IExportSink sink, string name, IExampleWriter format, Stream lines)
    {
        _sink = sink;
        _name = name;
        _format = format;
        _lines = lines;
    }

    /// <summary>What the file holds so far.</summary>
    public ExportFile Summary => new(_name, _examples, _documents.Count, _bytes);

    /// <summary>Creates the file in <paramref name="sink"/> (or, for a format with files beside its lines, a buffer for it).</summary>
    public static async Task<ExampleFile> CreateAsync(IExportSink sink, string name, IExampleWriter format, CancellationToken cancellationToken)
    {
        var lines = format.WritesFilesBesideLines ? new MemoryStream() : await sink.CreateAsync(name, cancellationToken);
        return new ExampleFile(sink, name, format, lines);
    }

    /// <summary>Appends one example as one line.</summary>
    public async Task WriteAsync(TrainingExample example, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var lines = _lines!;
        await using (var line = new Utf8JsonWriter(lines))
        {
            await _format.WriteAsync(line, example, cancellationToken);
            await line.FlushAsync(cancellationToken);
            _bytes += line.BytesCommitted;
        }

        await lines.WriteAsync(NewLine, cancellationToken);
        await lines.FlushAsync(cancellationToken);
        _bytes += NewLine.Length;
        _examples++;
        _documents.Add(example.DocumentId);
    }

    /// <summary>Closes the file: writes held lines to the sink, if any.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_lines is MemoryStream held)
        {
            await using var file = await _sink.CreateAsync(_name, cancellationToken);
            held.Position = 0;
            await held.CopyToAsync(file, cancellationToken);
        }

        await DisposeLinesAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        await DisposeLinesAsync();
    }

    private async ValueTask DisposeLinesAsync()
    {
        if (_lines is { } lines)
        {
            _lines = null;
            await lines.DisposeAsync();
        }
    }
}
