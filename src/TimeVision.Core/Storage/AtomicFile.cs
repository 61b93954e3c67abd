namespace TimeVision.Core.Storage;

/// <summary>
/// How the local stores write a file: into a <c>.partial</c> file beside it, moved into place only when whole, so a
/// reader never sees half a file; when the write fails (a full disk, a cancelled copy) the <c>.partial</c> file is
/// deleted, so nothing cut off is left behind.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Creates a file for writing; the stores' default.</summary>
    public static Stream Create(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);

    /// <summary>Writes <paramref name="bytes"/> as the file at <paramref name="path"/>.</summary>
    public static Task WriteAsync(string path, byte[] bytes, Func<string, Stream> create, CancellationToken cancellationToken) =>
        WriteAsync(path, (file, token) => file.WriteAsync(bytes, token).AsTask(), create, cancellationToken);

    /// <summary>Writes the file at <paramref name="path"/> with <paramref name="write"/>, which gets the stream to write to.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, Func<string, Stream> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(create);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = create(partial))
            {
                await write(file, cancellationToken);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            DeleteQuietly(partial);
            throw;
        }
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> as the file at <paramref name="path"/> only if no file is there yet: <see langword="false"/>
    /// when one is (another writer took the name first), with nothing changed. For stores whose files are written once.
    /// </summary>
    public static async Task<bool> WriteNewAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using var file = Create(partial);
            await file.WriteAsync(bytes, cancellationToken);
        }
        catch
        {
            DeleteQuietly(partial);
            throw;
        }

        try
        {
            File.Move(partial, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            DeleteQuietly(partial);
            return false;
        }
        catch
        {
            DeleteQuietly(partial);
            throw;
        }
    }

    /// <summary>Deletes what a failed write left; a failure here must not hide the write's own exception.</summary>
    private static void DeleteQuietly(string partial)
    {
        try
        {
            File.Delete(partial);
        }
        catch (IOException)
        {
            // Still held open elsewhere: the start-up clean-up of old .partial files gets it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
