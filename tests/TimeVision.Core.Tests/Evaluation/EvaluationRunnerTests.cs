using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Evaluation;

/// <summary>
/// A labelled set of 40 documents and two models the fake server answers with known errors: one always 10 % high,
/// one with ±40 % noise from a fixed seed. The figures and the paired verdict must come out as computed by hand.
/// </summary>
public sealed class EvaluationRunnerTests : FakeOpenAITestBase
{
    private const string PlusTen = "plus10";
    private const string Noisy = "noisy";
    private const int DocumentCount = 40;
    private readonly Dictionary<string, int> _answered = new(StringComparer.Ordinal);
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;
    private List<double> _actuals = null!;
    private double[] _noise = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var random = new Random(7);
        _noise = [.. Enumerable.Range(0, DocumentCount).Select(_ => (random.NextDouble() * 0.8) - 0.4)];
        Server.Fallback = Answer;
        _services = CoreServices.Create(
        [
            ("Storage:DataDirectory", Path.Combine(Folder.Path, "data")),
            .. ServerSettings,
            ("Evaluation:Prices:plus10:Input", "1000"),
            ("Evaluation:Prices:plus10:Output", "0"),
            ("Evaluation:Prices:noisy:Input", "0"),
            ("Evaluation:Prices:noisy:Output", "0"),
        ]);
        _actuals = await StoreLabelledDocumentsAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_figures_and_the_paired_verdict_come_out_as_computed_by_hand_and_a_rerun_calls_no_model()
    {
        var set = await SetAsync();

        var run = await Runner.RunAsync(set, [PlusTen, Noisy], concurrency: 1, budgetUsd: null, progress: null, Token);
        var calls = Server.Requests.Count;
        var rerun = await Runner.RunAsync(set, [PlusTen, Noisy], concurrency: 4, budgetUsd: null, progress: null, Token);
        var report = EvaluationReport.From(run);

        var plusTen = Assert.Single(report.Models, m => m.Model == PlusTen);
        var noisy = Assert.Single(report.Models, m => m.Model == Noisy);
        Assert.Equal((DocumentCount, DocumentCount, 1.0), (plusTen.Documents, plusTen.Estimated, plusTen.PageCoverage));
        Assert.Equal(10, plusTen.Mape, precision: 6);
        Assert.Equal(10, plusTen.Bias, precision: 6);
        Assert.Equal((1.0, 1.0), (plusTen.Within20, plusTen.Spearman));
        var noisyErrors = Enumerable.Range(0, DocumentCount).Select(k => (Math.Round(_actuals[k] * (1 + _noise[k]), 2) - _actuals[k]) / _actuals[k] * 100).ToList();
        Assert.Equal(noisyErrors.Average(Math.Abs), noisy.Mape, precision: 6);
        Assert.Equal(noisyErrors.Average(), noisy.Bias, precision: 6);
        Assert.Equal((double)noisyErrors.Count(e => Math.Abs(e) <= 20) / DocumentCount, noisy.Within20, precision: 9);
        Assert.True(plusTen.MeanCostUsd > 1.1, "1,105 input tokens at $1,000 per million");
        var pair = Assert.Single(report.Pairs);
        Assert.Equal((PlusTen, Noisy, DocumentCount), (pair.First, pair.Second, pair.Documents));
        Assert.Equal(10 - noisy.Mape, pair.MapeDifference, precision: 6);
        Assert.True(pair.IntervalHigh < 0, $"interval {pair.IntervalLow}..{pair.IntervalHigh}");
        Assert.StartsWith("plus10 is better", pair.Verdict, StringComparison.Ordinal);
        Assert.Equal(DocumentCount * 2, calls);
        Assert.Equal(calls, Server.Requests.Count);
        Assert.All(rerun.Results, r => Assert.Equal(0, r.NewCalls));
        Assert.Equal(0, rerun.SpentUsd);
        Assert.Equal(run.Results.Select(r => r.EstimatedMinutes), rerun.Results.Select(r => r.EstimatedMinutes));
    }

    [Fact]
    public async Task The_budget_stops_new_calls_cleanly_and_says_what_it_covered()
    {
        var set = await SetAsync();

        // Each plus10 call costs $1.105 (1,105 input tokens at $1,000 per million); $5 covers four.
        var run = await Runner.RunAsync(set, [PlusTen], concurrency: 1, budgetUsd: 5, progress: null, Token);

        Assert.True(run.StoppedAtBudget);
        Assert.Equal(4, run.Results.Count(r => r.Status == EvaluationStatus.Completed));
        Assert.Equal(DocumentCount - 4, run.Results.Count(r => r.Status == EvaluationStatus.NotRunBudget));
        Assert.InRange(run.SpentUsd, 4.4, 5);
        Assert.Equal(4, Server.Requests.Count);
        var summary = Assert.Single(EvaluationReport.From(run).Models);
        Assert.Equal((4, DocumentCount - 4), (summary.Estimated, summary.NotRun));
    }

    [Fact]
    public async Task The_validation_set_holds_only_the_export_split_s_validation_side()
    {
        var validation = await _services.Get<EvaluationSetBuilder>().FromStoreAsync(EvaluationSplit.Validation, new HashSet<FeedbackSource> { FeedbackSource.Actual }, 25, Token);
        var all = await SetAsync();

        Assert.All(validation.Items, i => Assert.True(TrainingExporter.IsValidation(i.DocumentId, 25)));
        Assert.Equal(all.Items.Count(i => TrainingExporter.IsValidation(i.DocumentId, 25)), validation.Items.Count);
        Assert.InRange(validation.Items.Count, 1, DocumentCount - 1);
    }

    private EvaluationRunner Runner => _services.Get<EvaluationRunner>();

    private Task<EvaluationSet> SetAsync() =>
        _services.Get<EvaluationSetBuilder>().FromStoreAsync(EvaluationSplit.All, new HashSet<FeedbackSource> { FeedbackSource.Actual }, 0, Token);

    /// <summary>Answers the k-th request of a model for the k-th document in id order: the set's order with one page in flight.</summary>
    private FakeReply.Content Answer(RecordedRequest request)
    {
        int index;
        lock (_answered)
        {
            index = _answered.GetValueOrDefault(request.Model);
            _answered[request.Model] = index + 1;
        }

        var actual = _actuals[index];
        var total = Math.Round(request.Model == PlusTen ? actual * 1.1 : actual * (1 + _noise[index]), 2);
        return new FakeReply.Content(SampleEstimates.Shaft(total, [total]).ToJsonString());
    }

    /// <summary>Stores 40 one-page documents with measured times; returns the times in document-id order.</summary>
    private async Task<List<double>> StoreLabelledDocumentsAsync()
    {
        var page = (await RenderedPages.OdriMotorShaftAsStoredAsync()).ToArray();
        var template = EstimateStoreContract.SampleDocument();
        var byId = new SortedDictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < DocumentCount; i++)
        {
            var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i + 1000)));
            var image = BlobReference.Page(id, 1);
            await _services.Get<IBlobStore>().UploadAsync(image, new MemoryStream(page), Token);
            var pages = new List<DocumentPage> { new(1, PageEstimateStatus.Completed, image, null, template.Pages[0].Result) };
            var (parts, total, models, status) = DocumentAggregator.Aggregate(pages);
            await _services.Get<IEstimateStore>().SaveAsync(
                template with { Id = id, Pages = pages, Parts = parts, TotalEstimatedMinutes = total, Models = models, Status = status, PageCount = 1 }, null, Token);
            var actual = Math.Round(3 + (i * 1.7), 2);
            await _services.Get<FeedbackService>().RecordAsync(id, new ShopFeedback { ActualMinutes = actual, Source = FeedbackSource.Actual }, null, Token);
            byId[id] = actual;
        }

        return [.. byId.Values];
    }
}
