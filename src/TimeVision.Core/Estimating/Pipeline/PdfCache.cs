using Microsoft.Extensions.Options;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// A worker's local copies of documents' PDFs (Poppler reads files), downloaded once per document and kept, least
/// recently used first out, within <see cref="PipelineOptions.PdfCacheBytes"/>. A copy in use is never removed.
/// Copies are keyed by document id (the content hash) and blob, so a cached file is always the content it stands for.
/// </summary>
/// <param name="blobs">Where the documents' PDFs are stored.</param>
/// <param name="options">The cache's size limit.</param>
public sealed class PdfCache(IBlobStore blobs, IOptionsMonitor<PipelineOptions> options) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string DocumentId, string Blob), Entry> _entries = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timevision-pdf-cache", Guid.NewGuid().ToString("N"));
    private long _clock;
    private int _downloads;

    /// <summary>How many downloads this cache has made.</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    /// <summary>The folder the copies are kept in.</summary>
    internal string Folder => _folder;

    /// <summary>Bytes held on disk now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.Sum(e => e.Bytes);
            }
        }
    }

    /// <summary>The local copy of a document's PDF, downloaded if this worker has none; dispose the lease when done reading.</summary>
    /// <exception cref="InvalidOperationException">The PDF is missing from storage.</exception>
    public async Task<PdfLease> AcquireAsync(string documentId, BlobReference pdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var key = (documentId, pdf.ToString());
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry(Path.Combine(_folder, $"{Guid.NewGuid():N}.pdf"));
                entry.Download = DownloadAsync(entry, pdf);
                _entries[key] = entry;
            }

            entry.Leases++;
            entry.LastUsed = ++_clock;
        }

        try
        {
            await entry.Download.WaitAsync(cancellationToken);
            return new PdfLease(entry.Path, () => Release(key, entry));
        }
        catch
        {
            Release(key, entry);
            throw;
        }
    }

    /// <summary>Deletes every copy.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A copy still open elsewhere; the OS cleans its temp folder.
        }
    }

    private async Task DownloadAsync(Entry entry, BlobReference pdf)
    {
        Directory.CreateDirectory(_folder);
        Interlocked.Increment(ref _downloads);
        var partial = $"{entry.Path}.partial";
        try
        {
            await using (var file = File.Create(partial))
            {
                // Not the caller's token: other leases may wait on this download after the first caller gives up.
                if (!await blobs.DownloadToAsync(pdf, file, CancellationToken.None))
                {
                    throw new InvalidOperationException($"The PDF {pdf} is missing from storage.");
                }
            }

            File.Move(partial, entry.Path);
        }
        catch
        {
            File.Delete(partial); // a failed download leaves nothing behind
            throw;
        }

        entry.Bytes = new FileInfo(entry.Path).Length;
    }

    private void Release((string, string) key, Entry entry)
    {
        var evicted = new List<Entry>();
        lock (_gate)
        {
            entry.Leases--;
            if (entry.Download.IsFaulted || entry.Download.IsCanceled)
            {
                // A failed download is forgotten, so the next activity tries again.
                if (entry.Leases == 0 && _entries.TryGetValue(key, out var current) && current == entry)
                {
                    _entries.Remove(key);
                }

                return;
            }

            var budget = options.CurrentValue.PdfCacheBytes;
            var held = _entries.Values.Sum(e => e.Bytes);
            foreach (var (oldKey, old) in _entries.Where(e => e.Value.Leases == 0 && e.Value.Download.IsCompletedSuccessfully).OrderBy(e => e.Value.LastUsed).ToList())
            {
                if (held <= budget)
                {
                    break;
                }

                _entries.Remove(oldKey);
                held -= old.Bytes;
                evicted.Add(old);
            }
        }

        foreach (var old in evicted)
        {
            File.Delete(old.Path);
        }
    }

    private sealed class Entry(string path)
    {
        public string Path { get; } = path;

        public Task Download { get; set; } = Task.CompletedTask;

        public int Leases { get; set; }

        public long LastUsed { get; set; }

        public long Bytes { get; set; }
    }
}

/// <summary>A local PDF copy in use; disposing it lets the cache remove the copy when it needs the room.</summary>
public sealed class PdfLease : IDisposable
{
    private Action? _release;

    internal PdfLease(string path, Action release)
    {
        Path = path;
        _release = release;
    }

    /// <summary>The local file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
