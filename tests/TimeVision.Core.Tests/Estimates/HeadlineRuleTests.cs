using System.Text.Json;
using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Json;
using TimeVision.Core.Tests.Storage;

namespace TimeVision.Core.Tests.Estimates;

/// <summary>
/// Which number heads an estimate: the engine's (the plan's minutes per piece and setup per batch) or the model's
/// total, under each <c>Estimate:Method</c>, with the other beside it and a warning when the two are 3× apart.
/// </summary>
public sealed class HeadlineRuleTests
{
    private const double CycleMin = 1.5;
    private const double SetupMin = 40;

    private static readonly MethodScores EngineCloser = new(new MethodScore(18, 40, "calibration engine v1"), new MethodScore(35, 40, "calibration gpt-4o v1"));
    private static readonly MethodScores ModelCloser = new(new MethodScore(41, 40, "calibration engine v1"), new MethodScore(22.5, 40, "calibration gpt-4o v1"));

    [Fact]
    public void Unset_a_feature_read_at_high_confidence_makes_the_engine_the_headline_with_the_model_beside_it()
    {
        var document = Planned(Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.High)));

        var headline = HeadlineRule.Choose(document, EstimateMethod.Default, MethodScores.None)!;

        Assert.Equal((HeadlineMethod.Engine, CycleMin, (double?)SetupMin, (EstimateMethod?)EstimateMethod.Default), (headline.Method, headline.Minutes, headline.SetupMin, headline.Requested));
        Assert.Equal(new HeadlineNumber(HeadlineMethod.Model, 2.4), headline.Other);
        Assert.Contains("f1", headline.Why, StringComparison.Ordinal);
        Assert.Contains("high confidence", headline.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_features_at_medium_confidence_or_from_the_model_leave_the_model_as_the_headline()
    {
        var document = Planned(
            Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.Medium)),
            Feature("f2", new FeatureSource(FeatureSourceKind.Model, 1, null, FactConfidence.Medium)));

        var headline = HeadlineRule.Choose(document, EstimateMethod.Default, MethodScores.None)!;

        Assert.Equal((HeadlineMethod.Model, 2.4, (double?)null), (headline.Method, headline.Minutes, headline.SetupMin));
        Assert.Equal(new HeadlineNumber(HeadlineMethod.Engine, CycleMin, SetupMin), headline.Other);
        Assert.Contains("No feature comes from a high-confidence source", headline.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_a_feature_the_estimator_entered_makes_the_engine_the_headline()
    {
        var document = Planned(
            Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.Low)),
            Feature("e1", new FeatureSource(FeatureSourceKind.Estimator)));

        var headline = HeadlineRule.Choose(document, EstimateMethod.Default, MethodScores.None)!;

        Assert.Equal(HeadlineMethod.Engine, headline.Method);
        Assert.Contains("e1", headline.Why, StringComparison.Ordinal);
        Assert.Contains("estimator", headline.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EstimateMethod.Engine, FactConfidence.Medium, HeadlineMethod.Engine)]
    [InlineData(EstimateMethod.Model, FactConfidence.High, HeadlineMethod.Model)]
    public void An_explicit_method_heads_whatever_the_features_confidence(EstimateMethod requested, FactConfidence confidence, HeadlineMethod expected)
    {
        var document = Planned(Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, confidence)));

        var headline = HeadlineRule.Choose(document, requested, EngineCloser)!;

        Assert.Equal((expected, (EstimateMethod?)requested), (headline.Method, headline.Requested));
        Assert.Equal($"Estimate:Method is {JsonCode.Of(requested)}.", headline.Why);
        Assert.NotEqual(expected, headline.Other!.Method);
    }

    [Fact]
    public void Best_takes_the_method_with_the_lower_stored_mape_against_the_default_rule()
    {
        var high = Planned(Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.High)));
        var medium = Planned(Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.Medium)));

        var engine = HeadlineRule.Choose(medium, EstimateMethod.Best, EngineCloser)!;
        var model = HeadlineRule.Choose(high, EstimateMethod.Best, ModelCloser)!;

        Assert.Equal((HeadlineMethod.Engine, CycleMin), (engine.Method, engine.Minutes));
        Assert.Contains("the engine's MAPE is 18.0 % (40 documents, calibration engine v1), the model's 35.0 %", engine.Why, StringComparison.Ordinal);
        Assert.Equal((HeadlineMethod.Model, 2.4), (model.Method, model.Minutes));
        Assert.Contains("the model's 22.5 % (40 documents, calibration gpt-4o v1)", model.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FactConfidence.High, HeadlineMethod.Engine)]
    [InlineData(FactConfidence.Medium, HeadlineMethod.Model)]
    public void Best_without_stored_figures_follows_the_default_rule_and_says_so(FactConfidence confidence, HeadlineMethod expected)
    {
        var document = Planned(Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, confidence)));

        var none = HeadlineRule.Choose(document, EstimateMethod.Best, MethodScores.None)!;
        var engineOnly = HeadlineRule.Choose(document, EstimateMethod.Best, EngineCloser with { Model = null })!;

        Assert.Equal((expected, expected), (none.Method, engineOnly.Method));
        Assert.Contains("Estimate:Method is best, but no figure of the engine and the model gpt-4o-2024-08-06 is stored", none.Why, StringComparison.Ordinal);
        Assert.Contains("no figure of the model gpt-4o-2024-08-06 is stored", engineOnly.Why, StringComparison.Ordinal);
        Assert.Contains("by the default rule", engineOnly.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_plan_the_model_heads_even_when_the_engine_is_asked_for_and_says_why()
    {
        var noFeatures = EstimateStoreContract.SampleDocument() with
        {
            Plan = new DocumentPlan { FeaturesVersion = 1, NotMade = new PlanNotMade(PlanNotMade.NoFeatures, "nothing to machine") },
        };

        var headline = HeadlineRule.Choose(noFeatures, EstimateMethod.Engine, MethodScores.None)!;

        Assert.Equal((HeadlineMethod.Model, 2.4, (HeadlineNumber?)null), (headline.Method, headline.Minutes, headline.Other));
        Assert.Contains("no process plan (no_features)", headline.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_model_total_the_engine_heads_and_with_neither_number_there_is_no_headline()
    {
        var planned = Planned(Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.Medium)));

        var engineOnly = HeadlineRule.Choose(planned with { TotalEstimatedMinutes = null }, EstimateMethod.Model, MethodScores.None)!;
        var neither = HeadlineRule.Choose(EstimateStoreContract.SampleDocument() with { TotalEstimatedMinutes = null }, EstimateMethod.Default, MethodScores.None);

        Assert.Equal((HeadlineMethod.Engine, (HeadlineNumber?)null), (engineOnly.Method, engineOnly.Other));
        Assert.Null(neither);
    }

    [Theory]
    [InlineData(7.5, 2.5, true)]
    [InlineData(2.5, 7.5, true)]
    [InlineData(7.25, 2.5, false)]
    [InlineData(2.5, 7.25, false)]
    public void A_model_total_three_times_off_the_plans_minutes_per_piece_either_way_is_flagged(double modelTotal, double cycleMin, bool flagged)
    {
        var document = Planned(cycleMin, Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.High))) with { TotalEstimatedMinutes = modelTotal };

        var headline = HeadlineRule.Choose(document, EstimateMethod.Default, MethodScores.None)!;

        if (flagged)
        {
            var warning = Assert.Single(headline.Warnings);
            Assert.Equal(AnswerChecks.ModelFarFromPlan, warning.Code);
            Assert.Contains("3×", warning.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(headline.Warnings);
        }
    }

    [Fact]
    public void An_estimate_stored_before_headlines_reads_with_the_model_as_its_headline()
    {
        var stored = JsonSerializer.SerializeToNode(EstimateStoreContract.SampleDocument(), JsonSerializerOptions.Web)!.AsObject();
        stored.Remove("headline");

        var read = stored.Deserialize<DocumentEstimate>(JsonSerializerOptions.Web)!;

        Assert.Null(read.Plan);
        Assert.Equal((HeadlineMethod.Model, 2.4, (EstimateMethod?)null, (HeadlineNumber?)null), (read.Headline!.Method, read.Headline.Minutes, read.Headline.Requested, read.Headline.Other));
        Assert.Contains("Stored before a headline was chosen", read.Headline.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chosen_headline_is_stored_in_the_estimates_json_and_read_back()
    {
        var document = Planned(Feature("f1", new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.High)));
        var chosen = document with { Headline = HeadlineRule.Choose(document, EstimateMethod.Default, MethodScores.None) };

        var json = JsonSerializer.SerializeToNode(chosen, JsonSerializerOptions.Web)!["headline"]!;
        var read = JsonSerializer.Deserialize<DocumentEstimate>(JsonSerializer.Serialize(chosen, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        Assert.Equal(("engine", CycleMin, SetupMin, "default"), ((string?)json["method"], (double)json["minutes"]!, (double)json["setupMin"]!, (string?)json["requested"]));
        Assert.Equal(("model", 2.4), ((string?)json["other"]!["method"], (double)json["other"]!["minutes"]!));
        Assert.Equal(chosen.Headline!.Why, read.Headline!.Why);
        Assert.Equal(HeadlineMethod.Engine, read.Headline.Method);
    }

    private static MachiningFeature Feature(string id, FeatureSource source) =>
        new() { Id = id, Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.6, DepthMm = 10, Source = source };

    private static DocumentEstimate Planned(params MachiningFeature[] features) => Planned(CycleMin, features);

    /// <summary>The sample estimate (the model's total 2.4 min) with <paramref name="features"/> merged and a plan of <paramref name="cycleMin"/> per piece.</summary>
    private static DocumentEstimate Planned(double cycleMin, params MachiningFeature[] features) => EstimateStoreContract.SampleDocument() with
    {
        Features = new DocumentFeatures { Version = 1, Merged = new FeatureSet { Features = features }, Readings = [] },
        Plan = new DocumentPlan
        {
            FeaturesVersion = 1,
            Routing = new ProcessPlan
            {
                Operations = [], SetupMin = SetupMin, CycleMin = cycleMin, CuttingMin = cycleMin / 2, CuttingDataVersion = "test", DefaultsUsed = [],
            },
        },
    };
}
