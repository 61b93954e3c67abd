using System.Text;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.History;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.History;

public sealed class TimesFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    private static Encoding Windows1250
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1250);
        }
    }

    private async Task<(TimesFile? File, TimesFileError? Error)> OpenAsync(string text, Encoding encoding)
    {
        var path = Path.Combine(_folder.Path, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)], Token);
        return await TimesFile.OpenAsync(path, Token);
    }

    private static async Task<List<TimesFileEntry>> RowsAsync(TimesFile file, FeedbackSource source = FeedbackSource.Actual)
    {
        var rows = new List<TimesFileEntry>();
        await foreach (var entry in file.ReadAsync(source, Token))
        {
            rows.Add(entry);
        }

        return rows;
    }

    [Fact]
    public async Task Czech_excel_ansi_export_with_semicolons_and_decimal_commas_is_read()
    {
        var text = "Soubor;Číslo výkresu;Čas min;Zakázka;Datum;Díl\r\n"
            + "hřídel.pdf;HX-100;12,5;Z-2024-001;3.5.2024;Hřídel přední\r\n"
            + "\"příruba; velká.pdf\";;1 234,75;Z-2024-002;;\r\n";

        var (file, error) = await OpenAsync(text, Windows1250);

        Assert.Null(error);
        Assert.Equal(1250, file!.Encoding.CodePage);
        Assert.Equal(';', file.Delimiter);
        var rows = (await RowsAsync(file)).Select(r => r.Row!).ToList();
        Assert.Equal(
            new TimesRow(2, "hřídel.pdf", "HX-100", "Hřídel přední", FeedbackSource.Actual, 12.5, "Z-2024-001", "3.5.2024"),
            rows[0]);
        Assert.Equal(("příruba; velká.pdf", null, 1234.75, 3), (rows[1].File, rows[1].DrawingNumber, rows[1].Minutes, rows[1].Line));
    }

    [Fact]
    public async Task Utf8_with_a_bom_commas_and_quoted_fields_is_read()
    {
        var text = "\"File\",\"Drawing_Number\",\"Actual_Min\",\"Source\"\n"
            + "\"shaft, long.pdf\",\"Ø20-A\",7.25,expert\n"
            + "flange.pdf,,3,\n";

        var (file, error) = await OpenAsync(text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Null(error);
        Assert.Equal(Encoding.UTF8.CodePage, file!.Encoding.CodePage);
        Assert.Equal(',', file.Delimiter);
        var rows = (await RowsAsync(file)).Select(r => r.Row!).ToList();
        Assert.Equal(("shaft, long.pdf", "Ø20-A", 7.25, FeedbackSource.Expert), (rows[0].File, rows[0].DrawingNumber, rows[0].Minutes, rows[0].Source));
        Assert.Equal(("flange.pdf", 3.0, FeedbackSource.Actual), (rows[1].File, rows[1].Minutes, rows[1].Source));
    }

    [Fact]
    public async Task A_batch_time_is_divided_by_the_quantity()
    {
        var (file, _) = await OpenAsync("vykres;batch_min;kusy\nA-1;90;12\n", new UTF8Encoding(false));

        var row = Assert.Single(await RowsAsync(file!)).Row!;

        Assert.Equal(7.5, row.Minutes);
    }

    [Fact]
    public async Task Czech_setup_and_run_columns_give_the_batchs_setup_and_the_run_per_piece()
    {
        var text = "Soubor;Čas min;Tpz;Tk;Kusy\r\n"
            + "hřídel.pdf;12,5;45;8,25;10\r\n"
            + "příruba.pdf;4;;3,5;\r\n";

        var (file, error) = await OpenAsync(text, Windows1250);

        Assert.Null(error);
        var rows = (await RowsAsync(file!)).Select(r => r.Row!).ToList();
        Assert.Equal((12.5, 45.0, 8.25), (rows[0].Minutes, rows[0].SetupMinutes, rows[0].RunMinutes));
        Assert.Equal((4.0, (double?)null, 3.5), (rows[1].Minutes, rows[1].SetupMinutes, rows[1].RunMinutes));
    }

    [Theory]
    [InlineData("file,actual_min,setup_min,run_min\n")]
    [InlineData("drawing_number;batch_min;quantity;Setup-Min;Run Min\n")]
    [InlineData("soubor;cas_min;serizeni_min;kusovy_cas_min\n")]
    [InlineData("vykres;cas_min;TPZ_min;TK_min\n")]
    public async Task English_and_Czech_header_names_find_the_setup_and_run_columns(string header)
    {
        var (file, error) = await OpenAsync(header, new UTF8Encoding(false));

        Assert.Null(error);
        Assert.Contains(TimesColumn.SetupMinutes, file!.Columns.Keys);
        Assert.Contains(TimesColumn.RunMinutes, file.Columns.Keys);
    }

    [Fact]
    public async Task Bad_setup_and_run_times_are_reported_with_their_line_and_reason()
    {
        var text = "file,actual_min,setup_min,run_min\n"
            + "a.pdf,5,abc,4\n"      // line 2
            + "a.pdf,5,-1,4\n"       // line 3
            + "a.pdf,5,30,0\n"       // line 4
            + "a.pdf,5,30,x\n"       // line 5
            + "a.pdf,5,10000,4\n"    // line 6
            + "a.pdf,5,0,4.5\n";     // line 7: a setup of 0 (the machine was set up already) is a time

        var (file, _) = await OpenAsync(text, new UTF8Encoding(false));
        var entries = await RowsAsync(file!);

        var problems = entries.Where(e => e.Problem is not null).Select(e => (e.Problem!.Line, e.Problem.Reason)).ToList();
        Assert.Equal(
            [
                (2, "setup time 'abc' is not a number"),
                (3, "setup time -1 min is below 0"),
                (4, "run time 0 min is not above 0"),
                (5, "run time 'x' is not a number"),
                (6, "setup time 10000 min is 10000 minutes or more"),
            ],
            problems);
        var row = Assert.Single(entries, e => e.Row is not null).Row!;
        Assert.Equal((7, 0.0, 4.5), (row.Line, row.SetupMinutes, row.RunMinutes));
    }

    [Theory]
    [InlineData("soubor;zakazka\na.pdf;Z1\n")]
    [InlineData("cas_min;zakazka\n3;Z1\n")]
    [InlineData("file;batch_min\na.pdf;30\n")]
    public async Task A_header_without_a_drawing_or_a_time_is_refused_naming_the_expected_columns(string text)
    {
        var (file, error) = await OpenAsync(text, new UTF8Encoding(false));

        Assert.Null(file);
        Assert.Equal(TimesFile.MissingColumns, error!.Code);
        Assert.Contains("file (soubor) or drawing_number (cislo_vykresu, vykres)", error.Message, StringComparison.Ordinal);
        Assert.Contains("actual_min (cas_min) or batch_min with quantity (kusy)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_its_own_error()
    {
        var (file, error) = await TimesFile.OpenAsync(Path.Combine(_folder.Path, "none.csv"), Token);

        Assert.Null(file);
        Assert.Equal(TimesFile.FileNotFound, error!.Code);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_reason_and_the_rest_are_read()
    {
        var text = "file,actual_min,source\n"
            + "a.pdf,abc,\n"          // line 2
            + "a.pdf,0,\n"            // line 3
            + "a.pdf,-4,\n"           // line 4
            + "a.pdf,10000,\n"        // line 5
            + "a.pdf,5,machine\n"     // line 6
            + ",5,\n"                 // line 7
            + "\n"                    // line 8, empty
            + "a.pdf,4.5,actual\n";   // line 9

        var (file, _) = await OpenAsync(text, new UTF8Encoding(false));
        var entries = await RowsAsync(file!);

        var problems = entries.Where(e => e.Problem is not null).Select(e => (e.Problem!.Line, e.Problem.Reason)).ToList();
        Assert.Equal(
            [
                (2, "time 'abc' is not a number"),
                (3, "time 0 min is not above 0"),
                (4, "time -4 min is not above 0"),
                (5, "time 10000 min is 10000 minutes or more"),
                (6, "unknown source 'machine': actual or expert"),
                (7, "no file and no drawing number"),
            ],
            problems);
        Assert.Equal(9, Assert.Single(entries, e => e.Row is not null).Row!.Line);
    }

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    public void Numbers_take_a_decimal_comma_or_point(string text, double expected)
    {
        Assert.True(TimesFile.TryParseNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Číslo výkresu", "cislo_vykresu")]
    [InlineData("CAS-MIN", "cas_min")]
    [InlineData(" Zakázka ", "zakazka")]
    public void Header_names_ignore_case_accents_and_separators(string header, string key) =>
        Assert.Equal(key, TimesFileColumns.Key(header));
}
