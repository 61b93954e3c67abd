using CsvHelper;
using TimeVision.Core.Json;

namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>
/// A quote as the ERP takes it (Gestima, Infor): one row per part, batch quantity and operation, with the work centre,
/// setup minutes per batch and minutes per piece, and the batch's unit and batch price (without VAT, rounded to 0.01),
/// so the routing and the price go in together. Outsourced operations are rows of their own (<c>cooperation</c>,
/// no minutes). RFC 4180 through CsvHelper, formula-safe as every CSV the product writes: a text cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>; numbers stay numbers.
/// </summary>
public static class QuoteCsv
{
    /// <summary>The media type.</summary>
    public const string MediaType = "text/csv";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "document_id", "drawing_number", "part_name", "material", "quantity", "sequence", "work_centre", "work_centre_name", "operation", "operation_name",
        "setup_min", "per_piece_min", "unit_price", "batch_price", "currency", "rates_version",
    ];

    /// <summary>Writes <paramref name="quote"/> to <paramref name="stream"/> in UTF-8 (with a byte-order mark in the Czech dialect, which Excel needs to read it as UTF-8).</summary>
    /// <param name="stream">Where to; left open.</param>
    /// <param name="quote">The quote.</param>
    /// <param name="dialect">Separator and decimal mark.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public static async Task WriteAsync(Stream stream, Quote quote, QuoteCsvDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var numbers = QuoteCsvDialects.Numbers(dialect);
        var options = CsvWriterOptions.Default with
        {
            Separator = dialect == QuoteCsvDialect.Czech ? ';' : ',',
            Injection = CsvInjection.Escape,
            NewLine = "\r\n",
            FormatProvider = numbers,
            WriteByteOrderMark = dialect == QuoteCsvDialect.Czech,
        };
        await using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        foreach (var batch in quote.Batches)
        {
            foreach (var operation in quote.Operations)
            {
                WritePart(csv, quote, batch);
                csv.WriteField(operation.Sequence, string.Empty, numbers);
                csv.WriteField(operation.WorkCentre);
                csv.WriteField(operation.WorkCentreName);
                csv.WriteField(JsonCode.Of(operation.Kind));
                csv.WriteField(string.Empty);
                csv.WriteField(operation.SetupMin, "0.###", numbers);
                csv.WriteField(operation.CycleMin, "0.####", numbers);
                WritePrices(csv, quote, batch, numbers);
                await csv.EndRecordAsync(cancellationToken);
            }

            foreach (var line in quote.Cooperation)
            {
                WritePart(csv, quote, batch);
                csv.WriteField(string.Empty);
                csv.WriteField(line.WorkCentre);
                csv.WriteField(string.Empty);
                csv.WriteField("cooperation");
                csv.WriteField(line.Name);
                csv.WriteField(string.Empty);
                csv.WriteField(string.Empty);
                WritePrices(csv, quote, batch, numbers);
                await csv.EndRecordAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void WritePart(CsvWriter csv, Quote quote, QuoteBatch batch)
    {
        csv.WriteField(quote.DocumentId);
        csv.WriteField(quote.Part.DrawingNumber);
        csv.WriteField(quote.Part.Name);
        csv.WriteField(quote.Part.Material);
        csv.WriteField(batch.Quantity, string.Empty, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void WritePrices(CsvWriter csv, Quote quote, QuoteBatch batch, IFormatProvider numbers)
    {
        csv.WriteField(Money(batch.UnitPrice), "0.00", numbers);
        csv.WriteField(Money(batch.Total), "0.00", numbers);
        csv.WriteField(quote.Currency);
        csv.WriteField(quote.RatesVersion);
    }

    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
