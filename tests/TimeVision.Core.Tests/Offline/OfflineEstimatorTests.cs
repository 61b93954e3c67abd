using System.Globalization;
using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Offline;

/// <summary>The estimate with no model, from the text layer and the base prompt's tables.</summary>
public sealed class OfflineEstimatorTests : IDisposable
{
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services = CoreServices.Create();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    public static TheoryData<string> Drawings => SharedDrawings.FileNames;

    [Theory]
    [MemberData(nameof(Drawings))]
    public async Task Every_shared_drawing_gets_the_same_offline_estimate_twice(string fileName)
    {
        var path = SharedDrawings.Require(fileName);

        var first = (await _services.Get<DrawingFactsReader>().ReadAsync(path, null, Token)).Select(OfflineEstimator.Estimate).ToList();
        var second = (await _services.Get<DrawingFactsReader>().ReadAsync(path, null, Token)).Select(OfflineEstimator.Estimate).ToList();

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        foreach (var result in first)
        {
            Assert.Equal((ModelIds.Offline, ModelIds.Offline), (result.Model, result.Provider));
            if (fileName == "openspim-tube-lens-adapter-scan.pdf")
            {
                Assert.Equal((PageEstimateStatus.Failed, VisionErrorCode.NoTextLayer), (result.Status, result.Error?.Code));
                continue;
            }

            var estimate = Assert.IsType<PageEstimate>(result.Estimate);
            Assert.Equal(Confidence.Low, estimate.Confidence);
            Assert.True(estimate.EstimatedTimeMin > 0);
            Assert.Equal(estimate.EstimatedTimeMin, estimate.Breakdown.Sum(b => b.TimeMin), precision: 6);
            Assert.Null(EstimateReader.Read(JsonSerializer.Serialize(estimate, EstimateJson.Options)).Error);
        }
    }

    [Fact]
    public async Task Aluminium_costs_less_than_the_same_part_in_steel_and_features_add_time()
    {
        var facts = (await _services.Get<DrawingFactsReader>().ReadAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), 1, Token))[0];
        var aluminium = facts with { TitleBlock = facts.TitleBlock with { MaterialGroup = "aluminium" } };
        var bare = facts with { Features = facts.Features with { Threads = [], Counts = [] } };

        var steelMinutes = OfflineEstimator.Estimate(facts).Estimate!.EstimatedTimeMin;
        var aluminiumMinutes = OfflineEstimator.Estimate(aluminium).Estimate!.EstimatedTimeMin;
        var bareMinutes = OfflineEstimator.Estimate(bare).Estimate!.EstimatedTimeMin;

        Assert.Equal(steelMinutes * 0.40, aluminiumMinutes, precision: 1);
        Assert.True(bareMinutes < steelMinutes, $"threads add time: {bareMinutes} vs {steelMinutes}");
        var estimate = OfflineEstimator.Estimate(facts).Estimate!;
        Assert.Equal((PartType.Pri, "Stahl"), (estimate.PartType, estimate.MaterialDetected));
        Assert.Contains(estimate.Breakdown, b => b.Operation == "Závity");
    }

    [Fact]
    public void The_tables_are_the_ones_the_base_prompt_states()
    {
        var prompt = _services.Get<PromptCatalog>().Get("base").SystemText;
        var stated = new Dictionary<string, double>
        {
            ["hliník"] = ReferenceTables.MaterialMultipliers["aluminium"],
            ["plasty"] = ReferenceTables.MaterialMultipliers["plastic"],
            ["mosaz a bronz"] = ReferenceTables.MaterialMultipliers["brass_bronze"],
            ["měď"] = ReferenceTables.MaterialMultipliers["copper"],
            ["litina"] = ReferenceTables.MaterialMultipliers["cast_iron"],
            ["automatová ocel"] = ReferenceTables.MaterialMultipliers["free_cutting_steel"],
            ["konstrukční ocel"] = ReferenceTables.MaterialMultipliers["steel"],
            ["legovaná ocel"] = ReferenceTables.MaterialMultipliers["alloy_steel"],
            ["nerezová ocel"] = ReferenceTables.MaterialMultipliers["stainless_steel"],
            ["nástrojová ocel"] = ReferenceTables.MaterialMultipliers["tool_steel"],
            ["titan"] = ReferenceTables.MaterialMultipliers["titanium"],
        };

        foreach (var (name, multiplier) in stated)
        {
            Assert.Contains($"{name} {multiplier.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')}", prompt, StringComparison.Ordinal);
        }

        Assert.Contains("střední do 200×100×30 mm: simple 4–8, medium 6–12, complex 10–25", prompt, StringComparison.Ordinal);
        Assert.Equal((4, 8), ReferenceTables.Range(PartType.Pri, SizeClass.Medium, Complexity.Simple));
        Assert.Equal((10, 25), ReferenceTables.Range(PartType.Pri, SizeClass.Medium, Complexity.Complex));
        Assert.Contains("velké ø100+ nebo délka 300 mm a více: simple 10–20, medium 15–35, complex 25–60", prompt, StringComparison.Ordinal);
        Assert.Equal((15, 35), ReferenceTables.Range(PartType.Rot, SizeClass.Large, Complexity.Medium));
        Assert.Contains("díra se závitem M3–M8 0,3–0,6", prompt, StringComparison.Ordinal);
        Assert.Equal((0.3, 0.6), ReferenceTables.ThreadedHole);
        Assert.Equal(stated.Count, ReferenceTables.MaterialMultipliers.Count);
    }
}
