using System.Text;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.History;

/// <summary>
/// The import's bounds: a summary lists at most 1,000 bad and 1,000 unmatched rows (the first by line) and counts them
/// all; a times file past <c>History:MaxImportRows</c> or <c>History:MaxImportBytes</c> is refused with nothing stored.
/// </summary>
public sealed class HistoryImportLimitsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public HistoryImportLimitsTests() => Directory.CreateDirectory(Drawings);

    private string Drawings => Path.Combine(_folder.Path, "drawings");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_summary_lists_the_first_thousand_bad_and_unmatched_rows_by_line_and_counts_them_all()
    {
        var times = new StringBuilder("file,actual_min\n");
        for (var i = 0; i < 1500; i++)
        {
            times.Append(i % 2 == 0 ? $"missing-{i}.pdf,5\n" : $"missing-{i}.pdf,not a number\n");
        }

        using var services = Services();
        var outcome = await ImportAsync(services, Write(times.ToString()));

        var summary = outcome.Summary!;
        Assert.Equal((1500, 750, 750), (summary.Rows, summary.BadRowCount, summary.UnmatchedCount));
        Assert.Equal(750, summary.BadRows.Count);
        Assert.Equal(750, summary.Unmatched.Count);
        Assert.False(summary.Complete);

        var more = new StringBuilder("file,actual_min\n");
        for (var i = 0; i < 2500; i++)
        {
            more.Append(i < 1200 ? $"missing-{i}.pdf,5\n" : $"missing-{i}.pdf,-1\n");
        }

        var capped = (await ImportAsync(services, Write(more.ToString(), "more.csv"))).Summary!;
        Assert.Equal((1200, 1300), (capped.UnmatchedCount, capped.BadRowCount));
        Assert.Equal(Enumerable.Range(2, 1000), capped.Unmatched.Select(row => row.Line));
        Assert.Equal(Enumerable.Range(1202, 1000), capped.BadRows.Select(row => row.Line));
    }

    [Fact]
    public async Task A_file_with_more_rows_than_the_cap_is_too_many_rows_and_nothing_is_stored()
    {
        File.WriteAllBytes(Path.Combine(Drawings, "a.pdf"), new TextPdf().Text(60, 80, "Shaft drawing for the row cap", 10).ToBytes());
        var times = "file,actual_min\n" + string.Concat(Enumerable.Repeat("a.pdf,5\n", 11));
        using var services = Services(("History:MaxImportRows", "10"));

        var outcome = await ImportAsync(services, Write(times));

        Assert.Null(outcome.Summary);
        Assert.Equal("too_many_rows", outcome.Error!.Code);
        Assert.Contains("more than 10 rows", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await services.Get<IEstimateStore>().ListLabelledAsync(Token).ToListAsync(Token));
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "data", "estimates")) && Directory.EnumerateDirectories(Path.Combine(_folder.Path, "data", "estimates")).Any());
    }

    [Fact]
    public async Task A_file_larger_than_the_cap_is_times_file_too_large_before_a_row_is_read()
    {
        var times = "file,actual_min\n" + string.Concat(Enumerable.Repeat("missing.pdf,5\n", 100));
        using var services = Services(("History:MaxImportBytes", "1024"));

        var outcome = await ImportAsync(services, Write(times));

        Assert.Equal("times_file_too_large", outcome.Error!.Code);
        Assert.Null(outcome.Summary);
    }

    private Microsoft.Extensions.DependencyInjection.ServiceProvider Services(params (string Key, string Value)[] settings) =>
        CoreServices.Create([("Storage:DataDirectory", Path.Combine(_folder.Path, "data")), .. settings]);

    private string Write(string text, string name = "times.csv")
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<HistoryImportOutcome> ImportAsync(IServiceProvider services, string times) =>
        services.Get<HistoryImporter>().ImportAsync(
            new HistoryImportRequest(times, Path.GetFileName(times), LabelAggregation.Median, FeedbackSource.Actual, DryRun: false),
            new FolderHistoryDrawings(Drawings),
            progress: null,
            Token);
}
