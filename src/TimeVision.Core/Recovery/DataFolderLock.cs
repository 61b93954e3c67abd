namespace TimeVision.Core.Recovery;

/// <summary>
/// The one process that runs documents on a data folder: an exclusive lock on <c>&lt;data&gt;/timevision.lock</c>, held
/// while the process lives. The operating system releases it when the process ends however it ends (a kill included),
/// so a crash never leaves the folder locked. Two processes writing one folder would each check a document's version
/// and then write, and one could overwrite the other's change; the second one is refused instead.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The lock file's name in the data folder.</summary>
    public const string FileName = "timevision.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>Takes the data folder's lock.</summary>
    /// <param name="dataDirectory">The data folder (created when missing).</param>
    /// <exception cref="DataFolderInUseException">Another process holds it.</exception>
    public static DataFolderLock Acquire(string dataDirectory)
    {
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        try
        {
            return new DataFolderLock(new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw DataFolderInUseException.For(folder, exception);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}

/// <summary>Another TimeVision process (<c>serve</c>, <c>estimate</c>, <c>retry</c>) runs documents on this data folder.</summary>
public sealed class DataFolderInUseException : Exception
{
    /// <summary>The error code a command answers with.</summary>
    public const string Code = "data_folder_in_use";

    /// <summary>Creates the exception.</summary>
    public DataFolderInUseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DataFolderInUseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DataFolderInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exception for <paramref name="folder"/>, saying what to do.</summary>
    internal static DataFolderInUseException For(string folder, IOException cause) => new(
        $"Another TimeVision process (serve, estimate or retry) is using the data folder '{folder}'. " +
        "Stop it first, or give this one another folder with --data.",
        cause);
}
