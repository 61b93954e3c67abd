namespace TimeVision.Core.Estimating.Pipeline.Recovery;

/// <summary>
/// The one process that runs documents on a data folder: an exclusive lock on <c>&lt;data&gt;/timevision.lock</c>, held
/// while the process lives. The operating system releases it when the process ends however it ends (a kill included),
/// so a crash never leaves the folder locked. Two processes writing one folder would each check a document's version
/// and then write, and one could overwrite the other's change; the second one is refused instead, or, for a command
/// that runs to its end (<see cref="WaitAsync"/>), waits its turn. The holder names itself in
/// <c>timevision.lock.holder</c> beside the lock, so a waiter knows a long-lived <c>serve</c> from a short command.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The lock file's name in the data folder.</summary>
    public const string FileName = "timevision.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>The file beside the lock in which its holder names itself.</summary>
    public const string HolderFileName = FileName + ".holder";

    /// <summary>The holder name of <c>timevision serve</c>, which keeps the folder for as long as it runs.</summary>
    public const string ServeHolder = "serve";

    /// <summary>How often a waiting command tries the lock again.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Takes the data folder's lock, or fails at once.</summary>
    /// <param name="dataDirectory">The data folder (created when missing).</param>
    /// <param name="holder">Who takes it (<see cref="ServeHolder"/>, <c>estimate</c>, …), for the next one to read.</param>
    /// <exception cref="DataFolderInUseException">Another process holds it.</exception>
    public static DataFolderLock Acquire(string dataDirectory, string holder)
    {
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        FileStream file;
        try
        {
            file = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw DataFolderInUseException.For(folder, HolderOf(folder), exception);
        }

        File.WriteAllText(Path.Combine(folder, HolderFileName), holder);
        return new DataFolderLock(file);
    }

    /// <summary>
    /// Takes the data folder's lock, waiting up to <paramref name="patience"/> while another command holds it; a running
    /// <c>serve</c> keeps the folder until it stops, so it is refused at once then.
    /// </summary>
    /// <param name="dataDirectory">The data folder (created when missing).</param>
    /// <param name="holder">Who takes it.</param>
    /// <param name="patience">How long to wait for another command to finish.</param>
    /// <param name="waiting">Called once, when the lock is held by another command and this one starts waiting.</param>
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="DataFolderInUseException"><c>serve</c> holds it, or the wait ran out.</exception>
    public static async Task<DataFolderLock> WaitAsync(
        string dataDirectory, string holder, TimeSpan patience, Action<string> waiting, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var told = false;
        while (true)
        {
            try
            {
                return Acquire(dataDirectory, holder);
            }
            catch (DataFolderInUseException exception) when (exception.Holder != ServeHolder && time.GetElapsedTime(started) < patience)
            {
                if (!told)
                {
                    waiting(exception.Folder);
                    told = true;
                }
            }

            await Task.Delay(RetryInterval, time, cancellationToken);
        }
    }

    /// <summary>Who holds the folder's lock, as it named itself; <see langword="null"/> when nobody said.</summary>
    private static string? HolderOf(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, HolderFileName)).Trim();
        }
        catch (IOException)
        {
            return null;
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

    /// <summary>The data folder.</summary>
    public string Folder { get; private init; } = string.Empty;

    /// <summary>Who holds it, as it named itself (<c>serve</c>, <c>estimate</c>, …), when it did.</summary>
    public string? Holder { get; private init; }

    /// <summary>The exception for <paramref name="folder"/>, saying what to do.</summary>
    internal static DataFolderInUseException For(string folder, string? holder, IOException cause) => new(
        holder == DataFolderLock.ServeHolder
            ? $"timevision serve is running on the data folder '{folder}': upload the PDF on its page, or stop it first, or give this command another folder with --data."
            : $"Another TimeVision process (serve, estimate or retry) is using the data folder '{folder}'. Stop it first, or give this one another folder with --data.",
        cause)
    {
        Folder = folder,
        Holder = holder,
    };
}
