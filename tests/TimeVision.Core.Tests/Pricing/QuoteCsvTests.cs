using System.Globalization;
using System.Text;
using CsvHelper;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.Pricing.Documents;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.Pricing;

/// <summary>
/// The ERP's CSV parsed back with CsvHelper in both dialects: one row per quantity and operation (and cooperation
/// line) with the routing's minutes and the batch's prices, numbers in the dialect's format, text cells formula-safe.
/// </summary>
public sealed class QuoteCsvTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(QuoteCsvDialect.Standard, ',', ".")]
    [InlineData(QuoteCsvDialect.Czech, ';', ",")]
    public async Task Each_quantity_and_operation_is_a_row_with_the_work_centre_minutes_and_prices_in_the_dialects_numbers(QuoteCsvDialect dialect, char separator, string decimalMark)
    {
        var quote = TwoOperationQuote();

        var bytes = await WriteAsync(quote, dialect);
        var rows = Read(bytes, separator, decimalMark);

        Assert.Equal(quote.Batches.Count * 3, rows.Count);
        foreach (var batch in quote.Batches)
        {
            var ofBatch = rows.Where(r => r.Quantity == batch.Quantity).ToList();
            Assert.Equal(["10", "20", string.Empty], ofBatch.Select(r => r.Sequence));
            Assert.Equal(["L1", "L1", "KOOP"], ofBatch.Select(r => r.WorkCentre));
            Assert.Equal(["turning", "deburring", "cooperation"], ofBatch.Select(r => r.Operation));
            Assert.Equal([30m, 5m, null], ofBatch.Select(r => r.SetupMin));
            Assert.Equal([2m, 0.25m, null], ofBatch.Select(r => r.PerPieceMin));
            Assert.All(ofBatch, r => Assert.Equal(Math.Round(batch.UnitPrice, 2, MidpointRounding.AwayFromZero), r.UnitPrice));
            Assert.All(ofBatch, r => Assert.Equal(Math.Round(batch.Total, 2, MidpointRounding.AwayFromZero), r.BatchPrice));
        }

        Assert.Equal(dialect == QuoteCsvDialect.Czech, bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.Contains(decimalMark == "," ? "0,25" : "0.25", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe_and_numbers_stay_numbers()
    {
        var quote = TwoOperationQuote() with { Part = new QuotePart("+420-77", "=HYPERLINK(\"http://x.example\",\"click\")", "@C45") };

        var text = Encoding.UTF8.GetString(await WriteAsync(quote, QuoteCsvDialect.Standard));
        using var csv = CsvReader.FromText(text, CsvReaderOptions.Default with { Separator = ',' });
        Assert.True(csv.Read());

        Assert.Equal("'+420-77", csv.GetString("drawing_number"));
        Assert.Equal("'=HYPERLINK(\"http://x.example\",\"click\")", csv.GetString("part_name"));
        Assert.Equal("'@C45", csv.GetString("material"));
        Assert.Equal("1", csv.GetString("quantity"));
        Assert.Equal("30", csv.GetString("setup_min"));
    }

    private static Quote TwoOperationQuote()
    {
        var inputs = Quotes.Inputs(1, 10, 100) with
        {
            Operations = [new PlannedStep(10, "L1", OperationKind.Turning, 30, 2), new PlannedStep(20, "L1", OperationKind.Deburring, 5, 0.25)],
            Cooperation = [new CooperationLine { Name = "kalení; HRC 58", WorkCentre = "KOOP", PricePerPiece = 12.5m, MinPrice = 500 }],
            Rates = Quotes.Rates(Quotes.Lathe, new WorkCentre { Id = "KOOP", Name = "cooperation", Kind = WorkCentreKind.External }),
        };
        return QuoteCalculator.Price(inputs).Quote ?? throw new InvalidOperationException(QuoteCalculator.Price(inputs).Problem!.Message);
    }

    private static async Task<byte[]> WriteAsync(Quote quote, QuoteCsvDialect dialect)
    {
        using var stream = new MemoryStream();
        await QuoteCsv.WriteAsync(stream, quote, dialect, Token);
        return stream.ToArray();
    }

    private static List<Row> Read(byte[] bytes, char separator, string decimalMark)
    {
        var numbers = new NumberFormatInfo { NumberDecimalSeparator = decimalMark };
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = separator });
        var rows = new List<Row>();
        while (csv.Read())
        {
            rows.Add(new Row(
                int.Parse(csv.GetString("quantity"), CultureInfo.InvariantCulture), csv.GetString("sequence"), csv.GetString("work_centre"), csv.GetString("operation"),
                Number(csv.GetString("setup_min"), numbers), Number(csv.GetString("per_piece_min"), numbers),
                Number(csv.GetString("unit_price"), numbers)!.Value, Number(csv.GetString("batch_price"), numbers)!.Value));
        }

        return rows;
    }

    private static decimal? Number(string cell, NumberFormatInfo numbers) => cell.Length == 0 ? null : decimal.Parse(cell, NumberStyles.Number, numbers);

    private sealed record Row(int Quantity, string Sequence, string WorkCentre, string Operation, decimal? SetupMin, decimal? PerPieceMin, decimal UnitPrice, decimal BatchPrice);
}
