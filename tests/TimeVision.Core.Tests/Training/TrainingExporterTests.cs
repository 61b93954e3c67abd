using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Tests.Storage;
using TimeVision.Core.Tests.Support;
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
        // Pages stored at 300 DPI (3507 px long, as before pages were rendered at the model's size) are sent downscaled.
        var truths = await LabelledCorpus.BuildAsync(_services, Token, pageImage: await RenderedPages.OdriMotorShaftAsync());
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

    [Theory]
    [InlineData(TrainingFormat.OpenAI)]
    [InlineData(TrainingFormat.ShareGpt)]
    public async Task The_answer_a_model_learns_holds_Czech_letters_not_escapes(TrainingFormat format)
    {
        await LabelledCorpus.BuildAsync(_services, Token, measuredDocuments: 1);
        var output = Path.Combine(_folder.Path, "export");

        await ExportAsync(output, validationPercent: 0, format: format);

        var line = Assert.Single(ReadLines(output, "train.jsonl"), l => l.GetProperty("messages")[2].GetProperty("content").GetString()!.Contains("D-1", StringComparison.Ordinal));
        var answer = line.GetProperty("messages")[2].GetProperty("content").GetString()!;
        Assert.Contains("\"manufacturing_description\":\"Hřídel soustružená z tyče, ploška frézovaná.\"", answer, StringComparison.Ordinal);
        Assert.Contains("Malý čep, nerez ×1,2.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", answer, StringComparison.Ordinal);
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

    [Fact]
    public async Task A_sharegpt_export_holds_the_openai_examples_on_the_same_sides_with_the_same_prompts_answers_and_image_bytes()
    {
        await BuildCorpusAsync();
        var openAI = Path.Combine(_folder.Path, "openai");
        var shareGpt = Path.Combine(_folder.Path, "sharegpt");

        var openAIManifest = await ExportAsync(openAI, validationPercent: 30);
        var shareGptManifest = await ExportAsync(shareGpt, validationPercent: 30, format: TrainingFormat.ShareGpt);

        var ft = _services.Get<PromptCatalog>().Get("ft");
        Assert.Equal(Counts(openAIManifest), Counts(shareGptManifest));
        foreach (var (file, validationSide) in new[] { ("train.jsonl", false), ("validation.jsonl", true) })
        {
            var expectedLines = ReadLines(openAI, file);
            var lines = ReadLines(shareGpt, file);
            Assert.NotEmpty(lines);
            Assert.Equal(expectedLines.Count, lines.Count);
            foreach (var (expected, line) in expectedLines.Zip(lines))
            {
                var expectedMessages = expected.GetProperty("messages");
                var messages = line.GetProperty("messages");
                Assert.Equal(["system", "user", "assistant"], messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
                Assert.Equal(ft.SystemText, messages[0].GetProperty("content").GetString());
                Assert.Equal(expectedMessages[2].GetProperty("content").GetString(), messages[2].GetProperty("content").GetString());
                var expectedImages = expectedMessages[1].GetProperty("content").EnumerateArray().SkipLast(1)
                    .Select(part => Convert.FromBase64String(part.GetProperty("image_url").GetProperty("url").GetString()!["data:image/png;base64,".Length..]))
                    .ToList();
                var images = Images(line);
                var user = messages[1].GetProperty("content").GetString()!;
                Assert.Equal(images.Count, CountOf("<image>", user));
                Assert.Equal(string.Concat(Enumerable.Repeat("<image>", images.Count)) + ft.UserText, user);
                Assert.Equal(expectedImages.Count, images.Count);
                foreach (var (expectedPng, path) in expectedImages.Zip(images))
                {
                    Assert.StartsWith("images/", path, StringComparison.Ordinal);
                    var full = Path.Combine(shareGpt, path);
                    Assert.True(File.Exists(full), $"{path} is not in the export folder");
                    var png = await File.ReadAllBytesAsync(full, Token);
                    var decoded = PngImage.Decode(png);
                    Assert.Equal(2048, Math.Max(decoded.Width, decoded.Height));
                    Assert.Equal(expectedPng, png);
                    var documentId = Path.GetFileName(path).Split('-')[0];
                    Assert.Equal(validationSide, TrainingExporter.IsValidation(documentId, 30));
                }
            }
        }
    }

    [Fact]
    public async Task A_sheet_shared_by_two_examples_is_one_image_file()
    {
        await BuildCorpusAsync();
        var store = _services.Get<IEstimateStore>();
        var id = LabelledCorpus.IdOf(0);
        var document = (await store.GetAsync(id, Token))!;
        await store.SaveAsync(document with { Shadow = new ShadowEstimate("gpt-4.1", document.TotalEstimatedMinutes, document.Status, document.Pages) }, null, Token);
        var output = Path.Combine(_folder.Path, "export");

        var manifest = await ExportAsync(output, format: TrainingFormat.ShareGpt, includeShadow: true);

        var paths = ReadLines(output, "train.jsonl").Concat(ReadLines(output, "validation.jsonl")).SelectMany(Images).ToList();
        Assert.Equal(2, paths.Count(p => p == $"images/{id}-p001.png"));
        var files = Directory.GetFiles(Path.Combine(output, "images"));
        Assert.Equal(paths.Distinct().Count(), files.Length);
        Assert.Equal(paths.Count - 1, files.Length);
        Assert.Equal(new ExportImages("images", files.Length, files.Sum(f => new FileInfo(f).Length)), manifest.ImageFiles);
    }

    [Fact]
    public async Task A_sharegpt_export_describes_both_files_for_LLaMA_Factory_and_its_manifest_says_sharegpt()
    {
        await BuildCorpusAsync();
        var output = Path.Combine(_folder.Path, "export");

        var manifest = await ExportAsync(output, format: TrainingFormat.ShareGpt);

        using var info = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "dataset_info.json"), Token));
        Assert.Equal(["timevision_train", "timevision_validation"], info.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (var (name, file) in new[] { ("timevision_train", "train.jsonl"), ("timevision_validation", "validation.jsonl") })
        {
            var dataset = info.RootElement.GetProperty(name);
            Assert.Equal(file, dataset.GetProperty("file_name").GetString());
            Assert.True(File.Exists(Path.Combine(output, file)));
            Assert.Equal("sharegpt", dataset.GetProperty("formatting").GetString());
            Assert.Equal("""{"messages":"messages","images":"images"}""", JsonSerializer.Serialize(dataset.GetProperty("columns")));
            Assert.Equal(
                """{"role_tag":"role","content_tag":"content","user_tag":"user","assistant_tag":"assistant","system_tag":"system"}""",
                JsonSerializer.Serialize(dataset.GetProperty("tags")));
        }

        Assert.Equal(TrainingFormat.ShareGpt, manifest.Format);
        using var written = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "manifest.json"), Token));
        Assert.Equal("sharegpt", written.RootElement.GetProperty("format").GetString());
        Assert.Equal(Directory.GetFiles(Path.Combine(output, "images")).Length, written.RootElement.GetProperty("imageFiles").GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task An_openai_export_says_openai_and_writes_nothing_beside_its_lines()
    {
        await BuildCorpusAsync();
        var output = Path.Combine(_folder.Path, "export");

        var manifest = await ExportAsync(output);

        Assert.Equal((TrainingFormat.OpenAI, null), (manifest.Format, manifest.ImageFiles));
        Assert.Equal(["manifest.json", "train.jsonl", "validation.jsonl"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var written = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "manifest.json"), Token));
        Assert.Equal("openai", written.RootElement.GetProperty("format").GetString());
        Assert.False(written.RootElement.TryGetProperty("imageFiles", out _));
    }

    [Theory]
    [InlineData(null, TrainingFormat.OpenAI)]
    [InlineData("openai", TrainingFormat.OpenAI)]
    [InlineData("sharegpt", TrainingFormat.ShareGpt)]
    [InlineData("foo", null)]
    [InlineData("ShareGPT", null)]
    public void Format_names_are_read_as_the_CLI_and_the_API_spell_them(string? name, TrainingFormat? expected) =>
        Assert.Equal(expected, TrainingFormats.Parse(name));

    private Task<TrainingManifest> ExportAsync(
        string output, int validationPercent = 10, HashSet<FeedbackSource>? sources = null, TrainingFormat format = TrainingFormat.OpenAI, bool includeShadow = false) =>
        _services.Get<TrainingExporter>().ExportAsync(
            new TrainingExportRequest(sources ?? [FeedbackSource.Actual], ValidationPercent: validationPercent, IncludeShadow: includeShadow, Format: format), new FolderExportSink(output), Token);

    private static List<JsonElement> ReadLines(string folder, string file) =>
        File.ReadLines(Path.Combine(folder, file)).Select(line => JsonDocument.Parse(line).RootElement).ToList();

    private static List<string> Images(JsonElement line) =>
        line.GetProperty("images").EnumerateArray().Select(image => image.GetString()!).ToList();

    private static (int, int, int, int) Counts(TrainingManifest manifest) =>
        (manifest.Train.Examples, manifest.Train.Documents, manifest.Validation.Examples, manifest.Validation.Documents);

    private static int CountOf(string token, string text) =>
        (text.Length - text.Replace(token, string.Empty, StringComparison.Ordinal).Length) / token.Length;

    private Task<List<double>> BuildCorpusAsync() => LabelledCorpus.BuildAsync(_services, Token);
}
