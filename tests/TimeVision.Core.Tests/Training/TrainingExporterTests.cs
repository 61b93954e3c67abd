using System.Text.Json;
using TimeVision.Core.Estimates;
using TimeVision.Core.Feedback;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Core.Training;
using TimeVision.Core.Vision;
using TimeVision.Core.Vision.Prompts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Training;

/// <summary>The training export on a small corpus of labelled estimates in the local stores.</summary>
public sealed class TrainingExporterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services;

    public TrainingExporterTests() => _services = CoreServices.Create(("Storage:DataDirectory", Path.Combine(_folder.Path, "data")));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Every_line_is_a_vision_chat_example_with_the_served_prompts_and_an_answer_that_sums_to_the_truth()
    {
        var truths = await BuildCorpusAsync();
        var output = Path.Combine(_folder.Path, "export");

        var manifest = await ExportAsync(output);

        var ft = _services.Get<PromptCatalog>().Get("ft");
        var lines = File.ReadLines(Path.Combine(output, "train.jsonl")).Concat(File.ReadLines(Path.Combine(output, "validation.jsonl"))).ToList();
        Assert.Equal(manifest.Train.Examples + manifest.Validation.Examples, lines.Count);
        Assert.Equal(truths.Count, lines.Count);
        foreach (var line in lines)
        {
            var messages = JsonDocument.Parse(line).RootElement.GetProperty("messages");
            Assert.Equal(["system", "user", "assistant"], messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
            Assert.Equal(ft.SystemText, messages[0].GetProperty("content").GetString());
            var parts = messages[1].GetProperty("content").EnumerateArray().ToList();
            Assert.Equal(ft.UserText, parts[^1].GetProperty("text").GetString());
            foreach (var image in parts[..^1])
            {
                Assert.Equal("high", image.GetProperty("image_url").GetProperty("detail").GetString());
                var png = Convert.FromBase64String(image.GetProperty("image_url").GetProperty("url").GetString()!["data:image/png;base64,".Length..]);
                var decoded = PngImage.Decode(png);
                Assert.Equal(2048, Math.Max(decoded.Width, decoded.Height));
            }

            var answer = EstimateReader.Read(messages[2].GetProperty("content").GetString());
            Assert.True(answer.Estimate is not null, answer.Error);
            Assert.Equal(answer.Estimate.EstimatedTimeMin, answer.Estimate.Breakdown.Sum(b => b.TimeMin), precision: 6);
            Assert.Contains(answer.Estimate.EstimatedTimeMin, truths);
        }
    }

    [Fact]
    public async Task Left_out_items_are_listed_with_reasons_and_the_limits_are_checked()
    {
        await BuildCorpusAsync();

        var manifest = await ExportAsync(Path.Combine(_folder.Path, "export"), validationPercent: 50);

        Assert.Contains(manifest.Skipped, s => s.Reason == "page 2 is blocked: left out");
        Assert.Contains(manifest.Skipped, s => s.Reason.StartsWith("a whole-document time for 2 parts", StringComparison.Ordinal));
        Assert.Equal("ft", manifest.Prompt.Id);
        Assert.Equal(["actual"], manifest.Sources);
        var minimum = Assert.Single(manifest.Checks, c => c.Name == "min_training_examples");
        Assert.True(manifest.Train.Examples < 10, "half held out leaves fewer than 10 training examples");
        Assert.False(minimum.Passed);
        Assert.True(Assert.Single(manifest.Checks, c => c.Name == "max_images_per_example").Passed);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "export", "manifest.json")));
    }

    [Fact]
    public async Task The_split_is_by_document_and_a_re_export_writes_the_same_bytes()
    {
        await BuildCorpusAsync();

        var first = await ExportAsync(Path.Combine(_folder.Path, "one"), validationPercent: 30);
        var second = await ExportAsync(Path.Combine(_folder.Path, "two"), validationPercent: 30);

        Assert.Equal(first.Train, second.Train);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder.Path, "one", "train.jsonl")), File.ReadAllBytes(Path.Combine(_folder.Path, "two", "train.jsonl")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder.Path, "one", "validation.jsonl")), File.ReadAllBytes(Path.Combine(_folder.Path, "two", "validation.jsonl")));
        Assert.True(first.Validation.Documents > 0 && first.Train.Documents > 0);
    }

    [Fact]
    public async Task Expert_labels_are_used_only_when_asked()
    {
        var truths = await BuildCorpusAsync();

        var actualOnly = await ExportAsync(Path.Combine(_folder.Path, "actual"));
        var both = await ExportAsync(Path.Combine(_folder.Path, "both"), sources: [FeedbackSource.Actual, FeedbackSource.Expert]);

        Assert.Equal(truths.Count, actualOnly.Train.Examples + actualOnly.Validation.Examples);
        Assert.Equal(truths.Count + 1, both.Train.Examples + both.Validation.Examples);
    }

    [Fact]
    public void The_validation_side_is_decided_by_the_document_alone() =>
        Assert.Equal(TrainingExporter.IsValidation("abc", 10), TrainingExporter.IsValidation("abc", 10));

    private Task<TrainingManifest> ExportAsync(string output, int validationPercent = 10, HashSet<FeedbackSource>? sources = null) =>
        _services.Get<TrainingExporter>().ExportAsync(
            new TrainingExportRequest(output, sources ?? [FeedbackSource.Actual], ValidationPercent: validationPercent), Token);

    private Task<List<double>> BuildCorpusAsync() => LabelledCorpus.BuildAsync(_services, Token);
}
