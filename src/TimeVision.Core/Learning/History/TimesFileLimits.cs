using System.Globalization;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// The limits on a times file, <see cref="HistoryOptions.MaxImportBytes"/> and <see cref="HistoryOptions.MaxImportRows"/>,
/// and what a file past them is told: the same in the CLI and the Functions app.
/// </summary>
public static class TimesFileLimits
{
    /// <summary>The code of a times file larger than <see cref="HistoryOptions.MaxImportBytes"/>.</summary>
    public const string TooLarge = "times_file_too_large";

    /// <summary>The code of a times file with more rows than <see cref="HistoryOptions.MaxImportRows"/>.</summary>
    public const string TooManyRowsCode = "too_many_rows";

    /// <summary>The refusal of a file at <paramref name="path"/> larger than the limit, or <see langword="null"/>.</summary>
    public static TimesFileError? CheckSize(string path, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return File.Exists(path) && new FileInfo(path).Length > options.MaxImportBytes ? TooLargeError(options.MaxImportBytes) : null;
    }

    /// <summary>What a file larger than <paramref name="maxBytes"/> is told.</summary>
    public static TimesFileError TooLargeError(long maxBytes) => new(
        TooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The times file is larger than {maxBytes / (1024.0 * 1024.0):0.#} MB (History:MaxImportBytes); split it into smaller files and import each."));

    /// <summary>What a file with more than <paramref name="maxRows"/> rows is told; nothing of it was stored.</summary>
    public static TimesFileError TooManyRows(int maxRows) => new(
        TooManyRowsCode,
        string.Create(CultureInfo.InvariantCulture, $"The times file has more than {maxRows:#,0} rows (History:MaxImportRows); nothing was stored. Split it into smaller files and import each."));
}
