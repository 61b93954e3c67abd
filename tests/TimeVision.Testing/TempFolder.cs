namespace TimeVision.Testing;

/// <summary>A folder of its own for one test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder under the system's temp folder.</summary>
    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>The folder's full path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "timevision-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes a file into the folder and returns its path.</summary>
    public string Write(string fileName, byte[] bytes) => TestPdfs.WriteTo(Path, fileName, bytes);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process killed mid-write may still hold a file for a moment; the OS temp cleaner gets it later.
        }
    }
}
