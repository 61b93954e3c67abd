using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Core.Learning.History;

/// <summary>Why a times file cannot be imported at all: a missing file, or a header without the columns needed.</summary>
/// <param name="Code"><c>file_not_found</c>, <c>missing_columns</c> or <c>empty_file</c>.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record TimesFileError(string Code, string Message);

/// <summary>
/// A times file exported from an ERP or Excel, read as it streams (CsvHelper: quoted fields, <c>,</c> or <c>;</c> as the
/// header line shows), in strict UTF-8 (with or without BOM) or, when it is not valid UTF-8, Windows-1250 (Czech
/// Excel's ANSI export). Numbers take a decimal point or a decimal comma. Only the current row is held.
/// </summary>
public sealed class TimesFile
{
    /// <summary>The code of a times file that does not exist.</summary>
    public const string FileNotFound = "file_not_found";

    /// <summary>The code of a header that lacks the columns needed.</summary>
    public const string MissingColumns = "missing_columns";

    /// <summary>The code of a file without a header line.</summary>
    public const string EmptyFile = "empty_file";

    private const int BufferBytes = 64 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private TimesFile(string path, Encoding encoding, string sha256, char delimiter, IReadOnlyDictionary<TimesColumn, int> columns)
    {
        Path = path;
        Encoding = encoding;
        Sha256 = sha256;
        Delimiter = delimiter;
        Columns = columns;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The encoding it was found to be in: UTF-8 or Windows-1250.</summary>
    public Encoding Encoding { get; }

    /// <summary>SHA-256 of its bytes (hex).</summary>
    public string Sha256 { get; }

    /// <summary>The field separator the header line uses.</summary>
    public char Delimiter { get; }

    /// <summary>Where each known column stands.</summary>
    public IReadOnlyDictionary<TimesColumn, int> Columns { get; }

    /// <summary>
    /// Opens a times file: hashes it and finds its encoding in one pass (constant memory), then reads its header.
    /// </summary>
    public static async Task<(TimesFile? File, TimesFileError? Error)> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return (null, new TimesFileError(FileNotFound, $"The times file '{path}' does not exist."));
        }

        var (encoding, sha256) = await ExamineAsync(path, cancellationToken);
        using var reader = OpenText(path, encoding);
        var headerLine = await reader.ReadLineAsync(cancellationToken);
        while (headerLine is not null && headerLine.Trim().Length == 0)
        {
            headerLine = await reader.ReadLineAsync(cancellationToken);
        }

        if (headerLine is null)
        {
            return (null, new TimesFileError(EmptyFile, $"The times file is empty; it needs a header line naming {TimesFileColumns.Expected}."));
        }

        var delimiter = DelimiterOf(headerLine);
        await using var csv = Reader(path, encoding, delimiter);
        await csv.ReadHeaderAsync(cancellationToken);
        var header = csv.Headers;
        return TimesFileColumns.Locate(header) is { } columns
            ? (new TimesFile(path, encoding, sha256, delimiter, columns), null)
            : (null, new TimesFileError(
                MissingColumns,
                $"The times file's header must name {TimesFileColumns.Expected}. It names: {string.Join(", ", header.Select(h => $"'{h}'"))}."));
    }

    /// <summary>Every row after the header, in order, each usable or with its problem; <paramref name="defaultSource"/> for rows without one.</summary>
    public async IAsyncEnumerable<TimesFileEntry> ReadAsync(FeedbackSource defaultSource, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var csv = Reader(Path, Encoding, Delimiter);
        await csv.ReadHeaderAsync(cancellationToken);
        while (await csv.ReadAsync(cancellationToken))
        {
            var line = (int)csv.LineNumber;
            string? Cell(TimesColumn column) =>
                Columns.TryGetValue(column, out var index) && index < csv.FieldCount && csv.GetString(index) is { } value && value.Trim().Length > 0
                    ? value.Trim()
                    : null;

            yield return Parse(line, Cell, defaultSource);
        }
    }

    private static TimesFileEntry Parse(int line, Func<TimesColumn, string?> cell, FeedbackSource defaultSource)
    {
        var (file, number) = (cell(TimesColumn.File), cell(TimesColumn.DrawingNumber));
        if (file is null && number is null)
        {
            return Problem(line, "no file and no drawing number");
        }

        var (minutes, timeProblem) = TimeOf(cell);
        if (timeProblem is not null)
        {
            return Problem(line, timeProblem);
        }

        var (setup, run, splitProblem) = SplitOf(cell);
        if (splitProblem is not null)
        {
            return Problem(line, splitProblem);
        }

        var source = defaultSource;
        if (cell(TimesColumn.Source) is { } sourceText)
        {
            switch (PlainText.Of(sourceText).ToLowerInvariant())
            {
                case "actual":
                    source = FeedbackSource.Actual;
                    break;
                case "expert":
                    source = FeedbackSource.Expert;
                    break;
                default:
                    return Problem(line, $"unknown source '{sourceText}': actual or expert");
            }
        }

        return new TimesFileEntry(
            new TimesRow(line, file, number, cell(TimesColumn.Part), source, minutes, cell(TimesColumn.Order), cell(TimesColumn.Date))
            {
                SetupMinutes = setup,
                RunMinutes = run,
            },
            null);
    }

    /// <summary>The batch's setup minutes (0 or more) and the run minutes per piece (above 0), each when given; below 10,000 minutes.</summary>
    private static (double? Setup, double? Run, string? Problem) SplitOf(Func<TimesColumn, string?> cell)
    {
        var (setup, setupProblem) = OptionalMinutes(cell(TimesColumn.SetupMinutes), "setup time", zeroAllowed: true);
        var (run, runProblem) = OptionalMinutes(cell(TimesColumn.RunMinutes), "run time", zeroAllowed: false);
        return (setup, run, setupProblem ?? runProblem);
    }

    private static (double? Minutes, string? Problem) OptionalMinutes(string? text, string what, bool zeroAllowed)
    {
        if (text is null)
        {
            return (null, null);
        }

        if (!TryParseNumber(text, out var minutes))
        {
            return (null, $"{what} '{text}' is not a number");
        }

        return minutes switch
        {
            < 0 when zeroAllowed => (null, string.Create(CultureInfo.InvariantCulture, $"{what} {minutes:0.###} min is below 0")),
            <= 0 when !zeroAllowed => (null, string.Create(CultureInfo.InvariantCulture, $"{what} {minutes:0.###} min is not above 0")),
            >= FeedbackLimits.MaxMinutes => (null, string.Create(CultureInfo.InvariantCulture, $"{what} {minutes:0.###} min is {FeedbackLimits.MaxMinutes:0} minutes or more")),
            _ => (minutes, null),
        };
    }

    /// <summary>The per-piece time: <c>actual_min</c>, else <c>batch_min</c> ÷ <c>quantity</c>; within (0, 10,000) minutes.</summary>
    private static (double Minutes, string? Problem) TimeOf(Func<TimesColumn, string?> cell)
    {
        double minutes;
        if (cell(TimesColumn.ActualMinutes) is { } actual)
        {
            if (!TryParseNumber(actual, out minutes))
            {
                return (0, $"time '{actual}' is not a number");
            }
        }
        else if (cell(TimesColumn.BatchMinutes) is { } batch && cell(TimesColumn.Quantity) is { } quantity)
        {
            if (!TryParseNumber(batch, out var batchMinutes))
            {
                return (0, $"batch time '{batch}' is not a number");
            }

            if (!TryParseNumber(quantity, out var pieces) || pieces <= 0)
            {
                return (0, $"quantity '{quantity}' is not a number above 0");
            }

            minutes = batchMinutes / pieces;
        }
        else
        {
            return (0, "no time: actual_min, or batch_min with quantity, is empty");
        }

        return minutes switch
        {
            <= 0 => (0, string.Create(CultureInfo.InvariantCulture, $"time {minutes:0.###} min is not above 0")),
            >= FeedbackLimits.MaxMinutes => (0, string.Create(CultureInfo.InvariantCulture, $"time {minutes:0.###} min is {FeedbackLimits.MaxMinutes:0} minutes or more")),
            _ => (minutes, null),
        };
    }

    /// <summary>
    /// A number as Czech or English Excel writes it: <c>12,5</c> or <c>12.5</c>, spaces as thousands separators, and
    /// when both a dot and a comma appear, the last of them is the decimal separator (<c>1.234,5</c>, <c>1,234.5</c>).
    /// </summary>
    public static bool TryParseNumber(string text, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F')]);
        var (comma, dot) = (compact.LastIndexOf(','), compact.LastIndexOf('.'));
        if (comma >= 0 && dot >= 0)
        {
            compact = comma > dot ? compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.') : compact.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (comma >= 0)
        {
            compact = compact.Replace(',', '.');
        }

        return double.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private static TimesFileEntry Problem(int line, string reason) => new(null, new RowProblem(line, reason));

    /// <summary>Hashes the file and checks, as it streams, whether it is valid UTF-8; Windows-1250 when it is not.</summary>
    private static async Task<(Encoding Encoding, string Sha256)> ExamineAsync(string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = StrictUtf8.GetDecoder();
        var utf8 = true;
        var buffer = new byte[BufferBytes];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true);
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            utf8 = utf8 && IsUtf8(decoder, buffer.AsSpan(0, read), flush: false);
        }

        utf8 = utf8 && IsUtf8(decoder, [], flush: true);
        return (utf8 ? StrictUtf8 : Windows1250, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static bool IsUtf8(Decoder decoder, ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            decoder.GetCharCount(bytes, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding Windows1250
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1250);
        }
    }

    private static StreamReader OpenText(string path, Encoding encoding) =>
        new(path, encoding, detectEncodingFromByteOrderMarks: encoding.CodePage == Encoding.UTF8.CodePage, new FileStreamOptions { BufferSize = BufferBytes });

    /// <summary><c>;</c> when the header line has more semicolons than commas outside quotes, else <c>,</c>.</summary>
    private static char DelimiterOf(string headerLine)
    {
        var (semicolons, commas, quoted) = (0, 0, false);
        foreach (var c in headerLine)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ';' when !quoted:
                    semicolons++;
                    break;
                case ',' when !quoted:
                    commas++;
                    break;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static CsvReader Reader(string path, Encoding encoding, char delimiter) =>
        CsvReader.Create(
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true),
            CsvReaderOptions.Default with
            {
                Separator = delimiter,
                HasHeader = true,
                TrimWhitespace = true,
                TrackLineNumbers = true,
                Encoding = encoding,
            },
            false);
}
