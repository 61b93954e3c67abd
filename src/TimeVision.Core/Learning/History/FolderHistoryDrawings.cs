using System.Runtime.CompilerServices;

namespace TimeVision.Core.Learning.History;

/// <summary>The past drawings in a folder on this machine (its top level only).</summary>
/// <param name="folder">The folder.</param>
public sealed class FolderHistoryDrawings(string folder) : IHistoryDrawings
{
    private readonly string _folder = Path.GetFullPath(folder);

    /// <inheritdoc />
    public string Description => $"the folder {_folder}";

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        if (!Directory.Exists(_folder))
        {
            yield break;
        }

        foreach (var name in Directory.EnumerateFiles(_folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }
    }

    /// <inheritdoc />
    public Task<HistoryDrawingFile> OpenAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(new HistoryDrawingFile(Path.Combine(_folder, Path.GetFileName(name)), Temporary: false));
}
