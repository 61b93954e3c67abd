using System.Security.Cryptography;
using System.Text;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.History;

/// <summary>
/// The import over real PDFs with a text layer (rendered and read by Poppler), with the local stores: matching, the
/// labels and their provenance, re-imports and a run stopped half way.
/// </summary>
public sealed class HistoryImporterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services;

    public HistoryImporterTests()
    {
        Directory.CreateDirectory(Drawings);
        _services = CoreServices.Create(("Storage:DataDirectory", Path.Combine(_folder.Path, "data")));
    }

    private string Drawings => Path.Combine(_folder.Path, "drawings");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HistoryImporter Importer => _services.Get<HistoryImporter>();

    private IEstimateStore Store => _services.Get<IEstimateStore>();

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    /// <summary>A one-sheet drawing whose title block carries <paramref name="number"/>.</summary>
    private void Drawing(string file, string number) => File.WriteAllBytes(
        Path.Combine(Drawings, file),
        new TextPdf()
            .Text(60, 80, $"Shaft drawing {file} for the history import test", 10)
            .Text(60, 120, "General tolerances ISO 2768-mK, material C45", 10)
            .Text(700, 560, $"DWG NO: {number}", 8)
            .ToBytes());

    private string Times(string text, string name = "times.csv")
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllBytes(path, Encoding.GetEncoding(1250).GetBytes(text));
        return path;
    }

    private async Task<HistoryImportSummary> ImportAsync(
        string times, bool dryRun = false, IProgress<HistoryImportProgress>? progress = null, CancellationToken? cancellationToken = null)
    {
        var outcome = await Importer.ImportAsync(
            new HistoryImportRequest(times, Path.GetFileName(times), LabelAggregation.Median, FeedbackSource.Actual, dryRun),
            new FolderHistoryDrawings(Drawings),
            progress,
            cancellationToken ?? Token);
        Assert.Null(outcome.Error);
        return outcome.Summary!;
    }

    private const string CzechTimes =
        "Soubor;Číslo výkresu;Čas min;Zakázka;Datum;Díl\r\n"
        + "a.pdf;;10;Z1;1.2.2024;Hřídel\r\n"   // 2
        + "a.pdf;;12,5;Z2;2.2.2024;Hřídel\r\n" // 3
        + "a.pdf;;11;Z3;;Hřídel\r\n"           // 4: median of 10, 11, 12.5 = 11
        + ";p0011;4;Z4;;\r\n"                  // 5: b.pdf by its number, case and suffix normalised
        + ";DUP-1;3;Z5;;\r\n"                  // 6: c.pdf and d.pdf both carry it
        + ";NOPE-9;3;Z6;;\r\n"                 // 7: nobody carries it
        + "x.pdf;;3;Z7;;\r\n"                  // 8: no such file
        + "a.pdf;;abc;Z8;;\r\n";               // 9: bad time

    private void FourDrawings()
    {
        Drawing("a.pdf", "HX-100");
        Drawing("b.pdf", "P0011-A");
        Drawing("c.pdf", "DUP-1");
        Drawing("d.pdf", "DUP-1");
    }

    [Fact]
    public async Task Rows_find_their_drawings_by_file_name_and_by_drawing_number_and_the_rest_are_reported()
    {
        FourDrawings();
        var times = Times(CzechTimes);

        var summary = await ImportAsync(times);

        Assert.Equal(8, summary.Rows);
        Assert.Equal(9, Assert.Single(summary.BadRows).Line);
        Assert.Equal([6, 7, 8], summary.Unmatched.Select(u => u.Line));
        Assert.Contains("c.pdf, d.pdf", summary.Unmatched[0].Reason, StringComparison.Ordinal);
        Assert.Equal(new SharedDrawingNumber("DUP-1", ["c.pdf", "d.pdf"]), Assert.Single(summary.DuplicateDrawingNumbers), new SharedNumberComparer());
        Assert.Equal(4, summary.Matched);
        Assert.Equal((2, 0, 0), (summary.LabelsAdded, summary.LabelsUnchanged, summary.LabelsSuperseded));
        Assert.Equal(2, summary.DrawingsRendered);

        var a = summary.Documents.Single(d => d.File == "a.pdf");
        Assert.Equal((11.0, 3, "file", (int?)null, "Hřídel"), (a.ActualMin, a.Rows, a.MatchedBy, a.Part, a.PartText));
        var b = summary.Documents.Single(d => d.File == "b.pdf");
        Assert.Equal((4.0, 1, "drawing_number"), (b.ActualMin, b.Rows, b.MatchedBy));
        Assert.Equal(["case", "suffix '-A'"], b.Normalised);
    }

    [Fact]
    public async Task A_matched_drawing_is_stored_as_an_imported_document_with_its_label_and_provenance()
    {
        FourDrawings();
        var times = Times(CzechTimes);

        var summary = await ImportAsync(times);

        var id = summary.Documents.Single(d => d.File == "a.pdf").Id;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Drawings, "a.pdf")))), id);
        var document = (await Store.GetAsync(id, Token))!;
        Assert.Equal((DocumentStatus.Imported, DocumentSource.Import, 1), (document.Status, document.Source, document.PageCount));
        var page = Assert.Single(document.Pages);
        Assert.Equal(PageEstimateStatus.NotEstimated, page.Status);
        Assert.NotNull(page.Image);
        Assert.NotNull(page.Facts);
        Assert.Null(page.Result);

        var label = Assert.Single(document.Feedback!);
        Assert.Equal((11.0, FeedbackSource.Actual, (int?)null), (label.ActualMinutes, label.Source, label.Part));
        var provenance = label.Import!;
        Assert.Equal("times.csv", provenance.TimesFile);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(times))), provenance.TimesFileSha256);
        Assert.Equal(("median", 3, "Hřídel"), (provenance.Aggregate, provenance.Rows, provenance.PartText));
        Assert.Equal(new ImportSpread(10, 12.5, 1.258, 0), provenance.Spread);
        Assert.Equal(
            [new ImportedOrder(2, "Z1", "1.2.2024", 10), new ImportedOrder(3, "Z2", "2.2.2024", 12.5), new ImportedOrder(4, "Z3", null, 11)],
            provenance.Orders);
    }

    [Fact]
    public async Task The_same_file_imported_twice_changes_nothing_and_renders_nothing()
    {
        FourDrawings();
        var times = Times(CzechTimes);
        var first = await ImportAsync(times);
        var id = first.Documents[0].Id;
        var stored = (await Store.GetAsync(id, Token))!;

        var second = await ImportAsync(times);

        Assert.Equal((0, 2, 0), (second.LabelsAdded, second.LabelsUnchanged, second.LabelsSuperseded));
        Assert.Equal(0, second.DrawingsRendered);
        Assert.Equal(first.Matched, second.Matched);
        Assert.Equal(stored.ETag, (await Store.GetAsync(id, Token))!.ETag);
    }

    [Fact]
    public async Task A_corrected_file_supersedes_the_earlier_label_and_keeps_it_in_the_history()
    {
        FourDrawings();
        await ImportAsync(Times(CzechTimes));
        var corrected = Times(CzechTimes.Replace("a.pdf;;11;Z3", "a.pdf;;14;Z3", StringComparison.Ordinal), "times-corrected.csv");

        var summary = await ImportAsync(corrected);

        Assert.Equal((0, 1, 1), (summary.LabelsAdded, summary.LabelsUnchanged, summary.LabelsSuperseded));
        var a = summary.Documents.Single(d => d.File == "a.pdf");
        Assert.Equal(("superseded", 12.5), (a.Label, a.ActualMin)); // median of 10, 12.5, 14
        var feedback = (await Store.GetAsync(a.Id, Token))!.Feedback!;
        Assert.Equal([11.0, 12.5], feedback.Select(f => f.ActualMinutes));
        Assert.Equal(["times.csv", "times-corrected.csv"], feedback.Select(f => f.Import!.TimesFile));
        Assert.Equal(12.5, Assert.Single(FeedbackLabels.Choose(feedback, new HashSet<FeedbackSource> { FeedbackSource.Actual })).ActualMinutes);
    }

    [Fact]
    public async Task Setup_and_run_apart_are_kept_with_the_label_aggregated_as_its_time_and_a_file_that_adds_them_supersedes_it()
    {
        Drawing("a.pdf", "HX-100");
        await ImportAsync(Times("Soubor;Čas min\r\na.pdf;10\r\na.pdf;12\r\n"));

        var summary = await ImportAsync(Times("Soubor;Čas min;Tpz;Tk\r\na.pdf;10;40;8\r\na.pdf;12;50;9,5\r\na.pdf;11;;9\r\n", "with-setup.csv"));

        var a = Assert.Single(summary.Documents);
        Assert.Equal(("superseded", 11.0), (a.Label, a.ActualMin)); // the same time, now with setup and run apart
        var label = (await Store.GetAsync(a.Id, Token))!.Feedback![^1].Import!;
        Assert.Equal((45.0, 9.0), (label.SetupMinutes, label.RunMinutes)); // medians of 40, 50 and of 8, 9.5, 9
        Assert.Equal(
            [(40.0, 8.0), ((double?)50.0, (double?)9.5), (null, 9.0)],
            label.Orders.Select(o => (o.SetupMinutes, o.RunMinutes)));
    }

    [Fact]
    public async Task A_run_stopped_after_two_drawings_goes_on_without_rendering_them_again()
    {
        foreach (var name in new[] { "a.pdf", "b.pdf", "c.pdf" })
        {
            Drawing(name, $"N-{name[0]}");
        }

        var times = Times("soubor;cas_min\na.pdf;5\nb.pdf;6\nc.pdf;7\n");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var stopped = new List<HistoryImportProgress>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsync(times, progress: new Recorder(stopped, p =>
        {
            if (p.DrawingsDone == 2)
            {
                stop.Cancel();
            }
        }), cancellationToken: stop.Token));

        var resumed = new List<HistoryImportProgress>();
        var summary = await ImportAsync(times, progress: new Recorder(resumed));

        Assert.Equal([true, true], stopped.Select(p => p.Rendered));
        Assert.Equal([("a.pdf", false), ("b.pdf", false), ("c.pdf", true)], resumed.Select(p => (p.File, p.Rendered)));
        Assert.Equal(1, summary.DrawingsRendered);
        Assert.Equal((1, 2), (summary.LabelsAdded, summary.LabelsUnchanged));
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_labels_and_stores_nothing()
    {
        FourDrawings();

        var summary = await ImportAsync(Times(CzechTimes), dryRun: true);

        Assert.True(summary.DryRun);
        Assert.Equal((2, 4, 0), (summary.LabelsAdded, summary.Matched, summary.DrawingsRendered));
        await foreach (var _ in Store.ListLabelledAsync(Token))
        {
            Assert.Fail("A dry run stored a label.");
        }

        Assert.Null(await Store.GetAsync(summary.Documents[0].Id, Token));
    }

    [Fact]
    public async Task Several_part_texts_for_a_document_without_parts_are_reported_not_merged()
    {
        Drawing("a.pdf", "HX-100");

        var summary = await ImportAsync(Times("soubor;cas_min;dil\na.pdf;5;Hřídel\na.pdf;6;Víko\n"));

        Assert.Equal([2, 3], summary.Unmatched.Select(u => u.Line));
        Assert.Contains("several parts", summary.Unmatched[0].Reason, StringComparison.Ordinal);
        Assert.Empty(summary.Documents);
    }

    private sealed class Recorder(List<HistoryImportProgress> seen, Action<HistoryImportProgress>? then = null) : IProgress<HistoryImportProgress>
    {
        public void Report(HistoryImportProgress value)
        {
            seen.Add(value);
            then?.Invoke(value);
        }
    }

    private sealed class SharedNumberComparer : IEqualityComparer<SharedDrawingNumber>
    {
        public bool Equals(SharedDrawingNumber? x, SharedDrawingNumber? y) =>
            x is not null && y is not null && x.DrawingNumber == y.DrawingNumber && x.Files.SequenceEqual(y.Files);

        public int GetHashCode(SharedDrawingNumber obj) => obj.DrawingNumber.GetHashCode(StringComparison.Ordinal);
    }
}
