using System.Globalization;
using System.Text.RegularExpressions;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.History;

namespace TimeVision.Core.Tests.History;

/// <summary>
/// <c>Vision:HistoryExamples</c>: the <c>base</c> prompt followed by the most similar past parts with their real times,
/// under a prompt hash of its own, and in evaluation never a part of the validation side.
/// </summary>
public sealed partial class HistoryPromptTests : FakeOpenAITestBase
{
    private const int Parts = 60;
    private const int ValidationPercent = 25;
    private const string Section = "Podobné díly z historie dílny";
    private readonly Dictionary<string, (string Id, double Minutes)> _byDrawing = new(StringComparer.Ordinal);
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        _services = CoreServices.Create([("Storage:DataDirectory", Path.Combine(Folder.Path, "data")), ("Vision:HistoryExamples", "3"), .. ServerSettings]);
        var image = await RenderedPages.OdriMotorShaftAsStoredAsync();
        var random = new Random(17);
        for (var i = 0; i < Parts; i++)
        {
            var part = GeneratedHistory.Draw(random, i);
            var id = GeneratedHistory.IdOf($"prompt-{i}");
            _byDrawing[part.DrawingNumber] = (id, part.TrueMinutes);
            await GeneratedHistory.StoreAsync(_services, id, part, Token, pageImage: image);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public void The_history_section_has_a_prompt_hash_of_its_own()
    {
        using var plain = CoreServices.Create(ServerSettings);

        var with = _services.Get<PromptCatalog>().ForModel("gpt-4.1");
        var without = plain.Get<PromptCatalog>().ForModel("gpt-4.1");

        Assert.Equal((3, false), (with.HistoryExamples, with.HistoryImages));
        Assert.NotEqual(without.Hash, with.Hash);
        Assert.NotEqual(with.Hash, with.WithHistoryExamples(3, images: true).Hash);
        Assert.Equal(0, plain.Get<PromptCatalog>().ForModel("ft:gpt-4o-2024-08-06:shop::x").HistoryExamples);
    }

    [Fact]
    public async Task In_eval_the_prompt_shows_three_training_side_parts_with_their_real_times_and_never_a_validation_part()
    {
        var set = await _services.Get<EvaluationSetBuilder>().FromStoreAsync(EvaluationSplit.Validation, new HashSet<FeedbackSource> { FeedbackSource.Actual }, ValidationPercent, Token);

        var run = await _services.Get<EvaluationRunner>().RunAsync(set, ["gpt-4.1"], concurrency: 2, budgetUsd: null, progress: null, Token);

        Assert.InRange(set.Items.Count, 5, Parts - 5);
        Assert.Equal(set.Items.Count, Server.Requests.Count);
        Assert.All(run.Results, r => Assert.Equal(EvaluationStatus.Completed, r.Status));
        foreach (var request in Server.Requests)
        {
            var section = request.UserText[request.UserText.IndexOf(Section, StringComparison.Ordinal)..];
            var shown = ShownPart().Matches(section).Select(m => (Drawing: m.Groups[1].Value, Minutes: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(3, shown.Count);
            Assert.All(shown, s =>
            {
                Assert.False(TrainingExporter.IsValidation(_byDrawing[s.Drawing].Id, ValidationPercent), $"{s.Drawing} is on the validation side");
                Assert.Equal(Math.Round(_byDrawing[s.Drawing].Minutes, 2), s.Minutes);
            });
        }
    }

    [GeneratedRegex(@"\d\. (GEN-\d{4}) [^\n]*skutečný čas ([0-9.]+) min")]
    private static partial Regex ShownPart();
}
