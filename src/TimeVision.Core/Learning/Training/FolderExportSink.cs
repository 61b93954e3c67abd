namespace TimeVision.Core.Learning.Training;

/// <summary>An export written as files into a folder, created when missing.</summary>
public sealed class FolderExportSink : IExportSink
{
    private readonly string _folder;

    /// <summary>Creates the sink.</summary>
    /// <param name="folder">The export folder.</param>
    public FolderExportSink(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
    }

    /// <inheritdoc />
    public Task<Stream> CreateAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = Path.GetFullPath(Path.Combine(_folder, name.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a path inside the export folder.", nameof(name));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true));
    }
}
