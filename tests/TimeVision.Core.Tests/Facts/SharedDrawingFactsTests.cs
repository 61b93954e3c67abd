using System.Text.Json;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering.Poppler;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>Facts read by real Poppler from real drawings: the repository's samples and the shared corpus with its truth table.</summary>
/// <remarks>
/// Every drawing is read once for the whole class (<see cref="SharedDrawingFactsRead"/>) and the tests assert on that
/// read; the test that a second read gives the same facts reads each drawing once more itself.
/// </remarks>
public sealed class SharedDrawingFactsTests(SharedDrawingFactsRead read) : IClassFixture<SharedDrawingFactsRead>, IDisposable
{
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services = CoreServices.Create();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DrawingFactsReader Reader => _services.Get<DrawingFactsReader>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task The_german_sample_gives_its_material_name_scale_units_and_threads()
    {
        var facts = Assert.Single(await Reader.ReadAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), null, Token));

        Assert.Equal(("Stahl", "steel", "Adapterplatte", "1:2", "1/1"), (facts.TitleBlock.Material?.Value, facts.TitleBlock.MaterialGroup, facts.TitleBlock.PartName?.Value, facts.TitleBlock.Scale?.Value, facts.TitleBlock.Sheet?.Value));
        Assert.Equal(("mm", FactConfidence.High), (facts.TitleBlock.Units?.Value, facts.TitleBlock.Units?.Confidence));
        Assert.Null(facts.TitleBlock.DrawingNumber);
        Assert.Equal(["4x M8"], facts.Features.Counts.Select(c => c.Value));
        Assert.True(facts.TitleBlock.Material!.Source.Box.Y > 700, "the material is read in the title block at the sheet's foot");
    }

    [Fact]
    public async Task Material_units_drawing_number_name_and_scale_are_read_with_at_least_90_percent_precision_and_recall()
    {
        var scores = DrawingTruth.Score(await FirstSheetsAsync());

        var table = string.Join("; ", scores.Select(s => $"{s.Field} P={s.Precision:P0} R={s.Recall:P0} (TP {s.TruePositives}, FP {s.FalsePositives}, FN {s.FalseNegatives})"));
        Assert.All(scores, s => Assert.True(s.Precision >= 0.9 && s.Recall >= 0.9, table));
    }

    [Fact]
    public async Task Every_field_of_the_truth_table_is_right()
    {
        var (right, fields) = DrawingTruth.Accuracy(await FirstSheetsAsync());

        Assert.Equal(fields, right);
    }

    [Fact]
    public async Task Nothing_on_the_shared_drawings_is_read_wrong_at_high_confidence()
    {
        var wrong = DrawingTruth.WrongAtHighConfidence(await FirstSheetsAsync());

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Nothing_is_invented_on_the_scan()
    {
        var pages = await read.ReadAsync(SharedDrawings.Require("openspim-tube-lens-adapter-scan.pdf"), Token);

        Assert.Equal(2, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.Equal([PageFacts.NoTextLayer], page.Flags);
            Assert.Equal(new TitleBlockFacts(), page.TitleBlock);
            Assert.Empty(page.Features.Dimensions);
        });
    }

    [Theory]
    [MemberData(nameof(Drawings))]
    public async Task Every_shared_drawing_is_read_the_same_way_twice(string fileName)
    {
        var path = SharedDrawings.Require(fileName);

        var first = await read.ReadAsync(path, Token);
        var second = await Reader.ReadAsync(path, null, Token);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.All(first.Where(p => p.HasText), p => Assert.True(p.WordCount >= DrawingFactsReader.MinimumWords));
    }

    public static TheoryData<string> Drawings => SharedDrawings.FileNames;

    /// <summary>What was read from each truth-table drawing's first sheet.</summary>
    private async Task<Dictionary<string, DrawingTruth.Read>> FirstSheetsAsync()
    {
        var folder = SharedDrawings.Folder ?? SharedDrawings.Require(SharedDrawings.Absent);
        var firstSheets = new Dictionary<string, DrawingTruth.Read>();
        foreach (var drawing in DrawingTruth.Drawings)
        {
            var title = (await read.ReadAsync(Path.Combine(folder, drawing.FileName), Token))[0].TitleBlock;
            (string Field, DrawingFact? Fact)[] fields =
                [("material", title.Material), ("units", title.Units), ("drawing_number", title.DrawingNumber), ("name", title.PartName), ("scale", title.Scale)];
            firstSheets[drawing.FileName] = new DrawingTruth.Read(
                title.Material?.Value, title.Units?.Value, title.DrawingNumber?.Value, title.PartName?.Value, title.Scale?.Value,
                fields.Where(f => f.Fact?.Confidence == FactConfidence.High).Select(f => f.Field).ToHashSet());
        }

        return firstSheets;
    }
}
