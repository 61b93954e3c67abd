using System.Globalization;
using System.Text;

namespace TimeVision.Core.Estimating.Vision.Spend;

/// <summary>
/// Daily totals in files under the data folder's <c>totals</c> subfolder. Each change holds the file open exclusively,
/// so two <c>timevision</c> processes on one PC take turns.
/// </summary>
public sealed class LocalDailyTotals : IDailyTotals
{
    private const int LockAttempts = 50;
    private static readonly TimeSpan LockWait = TimeSpan.FromMilliseconds(20);
    private readonly string _root;

    /// <summary>Creates the totals.</summary>
    /// <param name="dataDirectory">The data folder.</param>
#pragma warning disable IDE0290 // It keeps the folder it derives, not the one it is given.
    public LocalDailyTotals(string dataDirectory) => _root = Path.Combine(Path.GetFullPath(dataDirectory), "totals");
#pragma warning restore IDE0290

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(string name, DateOnly day, double amount, double limit, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        await using var file = await OpenExclusiveAsync(PathOf(name, day), cancellationToken);
        var total = await ReadAsync(file, cancellationToken);
        if (total + amount > limit)
        {
            return false;
        }

        file.SetLength(0);
        await file.WriteAsync(Encoding.UTF8.GetBytes((total + amount).ToString("R", CultureInfo.InvariantCulture)), cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<double> GetAsync(string name, DateOnly day, CancellationToken cancellationToken)
    {
        // Read under the same lock as a change: a reader that opened the file while another process held it failed.
        var path = PathOf(name, day);
        if (!File.Exists(path))
        {
            return 0;
        }

        await using var file = await OpenExclusiveAsync(path, cancellationToken);
        return await ReadAsync(file, cancellationToken);
    }

    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < LockAttempts)
            {
                await Task.Delay(LockWait, cancellationToken); // another process holds the file for a moment
            }
        }
    }

    private static async Task<double> ReadAsync(FileStream file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        file.Position = 0;
        return text.Length == 0 ? 0 : double.Parse(text, CultureInfo.InvariantCulture);
    }

    private string PathOf(string name, DateOnly day) => Path.Combine(_root, $"{name}-{day:yyyy-MM-dd}.txt");
}
