using System.CommandLine;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.Pricing.Documents;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>quote</c>'s document options: <c>--pdf FILE</c> (the offer, <c>--lang cs|en</c>, <c>--customer</c>,
/// <c>--request-number</c>) and <c>--csv FILE</c> (the ERP's routing and prices, <c>--csv-dialect standard|czech</c>).
/// </summary>
internal sealed class QuoteFileOptions
{
    private readonly Option<FileInfo?> _pdf = new("--pdf") { Description = "Also write the offer (\"Cenová nabídka\") as a PDF to FILE." };
    private readonly Option<FileInfo?> _csv = new("--csv") { Description = "Also write the ERP export (one row per quantity and operation) as a CSV to FILE." };
    private readonly Option<string?> _dialect = new("--csv-dialect") { Description = "standard (comma, decimal point; the default) or czech (semicolon, decimal comma, for Czech Excel)." };
    private readonly Option<string?> _language = new("--lang") { Description = "The PDF's language: cs (the default) or en." };
    private readonly Option<string?> _customer = new("--customer") { Description = "The customer the PDF offer is for." };
    private readonly Option<string?> _request = new("--request-number") { Description = "The customer's request (inquiry) number, printed on the PDF." };

    /// <summary>The options, to add to the command.</summary>
    public IEnumerable<Option> All => [_pdf, _csv, _dialect, _language, _customer, _request];

    /// <summary>What was asked for, or the error code and message of a bad value.</summary>
    public (QuoteFiles? Files, string? Code, string? Message) Read(ParseResult parse)
    {
        if (QuoteCsvDialects.Parse(parse.GetValue(_dialect)) is not { } dialect)
        {
            return (null, QuoteCsvDialects.InvalidDialect, $"--csv-dialect must be {string.Join(" or ", QuoteCsvDialects.Names)}.");
        }

        if (QuoteLanguages.Parse(parse.GetValue(_language)) is not { } language)
        {
            return (null, QuoteLanguages.InvalidLanguage, $"--lang must be {string.Join(" or ", QuoteLanguages.Codes)}.");
        }

        var letter = new QuoteLetter { Customer = parse.GetValue(_customer), RequestNumber = parse.GetValue(_request), Language = language };
        return letter.Check() is { } why
            ? (null, "invalid_letter", why)
            : (new QuoteFiles(parse.GetValue(_pdf), parse.GetValue(_csv), dialect, letter), null, null);
    }
}

/// <summary>The documents <c>quote</c> writes beside its answer.</summary>
/// <param name="Pdf">Where the PDF offer goes, if asked for.</param>
/// <param name="Csv">Where the ERP's CSV goes, if asked for.</param>
/// <param name="Dialect">The CSV's dialect.</param>
/// <param name="Letter">Who the offer is for, in which language.</param>
internal sealed record QuoteFiles(FileInfo? Pdf, FileInfo? Csv, QuoteCsvDialect Dialect, QuoteLetter Letter)
{
    /// <summary>Writes the documents asked for; a frozen quote's PDF carries its number and date. Returns why one could not be written, or <see langword="null"/>.</summary>
    public async Task<string?> WriteAsync(QuoteDocuments documents, Quote quote, FrozenQuote? frozen, CancellationToken cancellationToken)
    {
        try
        {
            if (Pdf is not null)
            {
                var bytes = frozen is null ? documents.Pdf(quote, Letter) : documents.Pdf(frozen, Letter);
                await File.WriteAllBytesAsync(Pdf.FullName, bytes, cancellationToken);
            }

            if (Csv is not null)
            {
                await using var stream = File.Create(Csv.FullName);
                await QuoteCsv.WriteAsync(stream, quote, Dialect, cancellationToken);
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"The quote's file cannot be written: {exception.Message}";
        }
    }
}
