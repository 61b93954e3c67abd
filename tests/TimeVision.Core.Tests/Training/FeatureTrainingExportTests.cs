using System.Text.Json;
using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.Features;

namespace TimeVision.Core.Tests.Training;

/// <summary>
/// <c>export-training --task features</c> on a corpus of corrected, accepted and unconfirmed documents: what each example
/// holds, what the manifest says of it, and the split by drawing.
/// </summary>
public sealed class FeatureTrainingExportTests(FeatureExports exports) : IClassFixture<FeatureExports>
{
    private static readonly global::Json.Schema.JsonSchema ReadingSchema = global::Json.Schema.JsonSchema.FromText(PartFeaturesJson.ReadingSchemaText);

    [Fact]
    public async Task Each_example_pairs_the_sheet_and_the_reading_prompt_with_the_confirmed_features_in_natural_text()
    {
        var export = await exports.GetAsync(0, TrainingFormat.OpenAI);

        var reading = exports.Services.Get<PromptCatalog>().Get(PromptCatalog.ReadingSetId);
        var lines = File.ReadAllLines(Path.Combine(export.Folder, "train.jsonl"));
        Assert.Empty(File.ReadAllLines(Path.Combine(export.Folder, "validation.jsonl")));
        var confirmed = exports.Documents.Where(d => d.Kind is FeatureCorpusKind.Corrected or FeatureCorpusKind.Accepted).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(confirmed.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var messages = JsonDocument.Parse(lines[i]).RootElement.GetProperty("messages");
            Assert.Equal(reading.SystemText, messages[0].GetProperty("content").GetString());
            var parts = messages[1].GetProperty("content").EnumerateArray().ToList();
            Assert.Equal(["image_url", "text"], parts.Select(p => p.GetProperty("type").GetString()));
            Assert.Equal(reading.UserText, parts[1].GetProperty("text").GetString());
            var answer = messages[2].GetProperty("content").GetString()!;
            Assert.True(ReadingSchema.Evaluate(JsonDocument.Parse(answer).RootElement).IsValid, answer);
            Assert.Contains($"\"material\":\"{FeatureCorpus.Material}\"", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u", answer, StringComparison.Ordinal);
            var read = PartFeaturesReader.Read(JsonNode.Parse(answer), DrawingUnits.Millimetres, Confidence.Medium).Features!;
            Assert.Equal(Describe(confirmed[i].Label!), Describe(read));
            Assert.All(read.Features, f => Assert.Equal(FactConfidence.High, f.Source!.Confidence));
        }
    }

    [Fact]
    public async Task The_manifest_says_whose_label_each_example_is_and_why_the_others_were_left_out()
    {
        var manifest = (await exports.GetAsync(0, TrainingFormat.OpenAI)).Manifest;

        Assert.Equal(TrainingTask.Features, manifest.Task);
        Assert.Equal(PromptCatalog.ReadingSetId, manifest.Prompt.Id);
        Assert.Equal(["estimator", "text_layer_accepted"], manifest.Sources);
        Assert.StartsWith("by drawing:", manifest.SplitRule, StringComparison.Ordinal);
        var examples = manifest.Examples!;
        Assert.Equal(6, examples.Count(e => e is { LabelSource: FeatureLabelSource.Estimator, ConfirmedBy: FeatureCorpus.Estimator, FeaturesVersion: 2 }));
        Assert.Equal(2, examples.Count(e => e is { LabelSource: FeatureLabelSource.TextLayerAccepted, ConfirmedBy: FeatureCorpus.Accepter, FeaturesVersion: 1, Features: 2 }));
        Assert.All(examples, e => Assert.Equal("train", e.Side));
        Assert.Contains(examples, e => e.Drawing == "C-SAME");
        var byId = exports.Documents.ToDictionary(d => d.Id);
        Assert.Equal(2, manifest.Skipped.Count);
        Assert.Contains(manifest.Skipped, s => byId[s.DocumentId].Kind == FeatureCorpusKind.AcceptedThenRerun && s.Reason.Contains("accept the plan again", StringComparison.Ordinal));
        Assert.Contains(manifest.Skipped, s => byId[s.DocumentId].Kind == FeatureCorpusKind.TwoParts && s.Reason.StartsWith("2 parts", StringComparison.Ordinal));
        Assert.False(Assert.Single(manifest.Checks, c => c.Name == "min_training_examples").Passed);
        Assert.True(Assert.Single(manifest.Checks, c => c.Name == "max_images_per_example").Passed);
        var written = JsonDocument.Parse(File.ReadAllText(Path.Combine((await exports.GetAsync(0, TrainingFormat.OpenAI)).Folder, "manifest.json"))).RootElement;
        Assert.Equal("features", written.GetProperty("task").GetString());
        Assert.Equal("text_layer_accepted", written.GetProperty("examples").EnumerateArray().Last(e => e.GetProperty("labelSource").GetString() != "estimator").GetProperty("labelSource").GetString());
    }

    [Fact]
    public async Task Sheets_of_one_drawing_never_straddle_training_and_validation()
    {
        var manifest = (await exports.GetAsync(50, TrainingFormat.OpenAI)).Manifest;

        var examples = manifest.Examples!;
        Assert.Equal(8, examples.Count);
        Assert.All(examples, e => Assert.Equal(TrainingExporter.IsValidation(e.Drawing, 50) ? "validation" : "train", e.Side));
        Assert.Single(examples.Where(e => e.Drawing == "C-SAME").Select(e => e.Side).Distinct());
        Assert.Equal(2, examples.Count(e => e.Drawing == "C-SAME"));
        Assert.Equal((manifest.Train.Examples, manifest.Validation.Examples), (examples.Count(e => e.Side == "train"), examples.Count(e => e.Side == "validation")));
        Assert.True(manifest.Train.Examples > 0 && manifest.Validation.Examples > 0, "seven drawings at 50 % fall on both sides");
    }

    [Fact]
    public async Task The_sharegpt_export_teaches_the_same_answers_with_the_sheets_as_files()
    {
        var openAI = await exports.GetAsync(0, TrainingFormat.OpenAI);
        var shareGpt = await exports.GetAsync(0, TrainingFormat.ShareGpt);

        static List<string> Answers(string folder) =>
            [.. File.ReadLines(Path.Combine(folder, "train.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("messages")[2].GetProperty("content").GetString()!)];
        Assert.Equal(Answers(openAI.Folder), Answers(shareGpt.Folder));
        Assert.Equal(8, shareGpt.Manifest.ImageFiles!.Files);
        Assert.All(File.ReadLines(Path.Combine(shareGpt.Folder, "train.jsonl")), line =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            Assert.StartsWith("<image>Na obrázcích", root.GetProperty("messages")[1].GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(shareGpt.Folder, root.GetProperty("images")[0].GetString()!)));
        });
    }

    /// <summary>A set's part-level values and features, as comparable text (ids and sources aside).</summary>
    private static string Describe(FeatureSet set) => JsonSerializer.Serialize(new
    {
        set.PartType,
        set.Material,
        set.MaterialGroup,
        set.Stock,
        Features = set.Features.Select(f => new { f.Type, Count = f.Count ?? 1, f.LengthMm, f.WidthMm, f.DepthMm, f.DiameterMm, f.DiameterFromMm, f.DiameterToMm, f.Through, f.Thread, f.PitchMm }),
    });
}
