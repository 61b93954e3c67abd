using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Training;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Training;

public sealed class TrainingAnswerTests
{
    private static readonly PageEstimate Model = EstimateReader.Read(SampleEstimates.ShaftJson(total: 2.4, breakdown: [0.9, 1.2, 0.3])).Estimate!;

    [Fact]
    public void The_breakdown_is_scaled_to_the_real_total()
    {
        var answer = TrainingAnswer.Build(Model, new ShopFeedback { ActualMinutes = 3.7, Source = FeedbackSource.Actual });

        Assert.Equal(3.7, answer.EstimatedTimeMin);
        Assert.Equal(3.7, answer.Breakdown.Sum(b => b.TimeMin), precision: 9);
        Assert.Equal(Model.Breakdown.Select(b => b.Operation), answer.Breakdown.Select(b => b.Operation));
        Assert.True(answer.Breakdown[1].TimeMin > answer.Breakdown[0].TimeMin);
    }

    [Fact]
    public void Per_operation_actuals_replace_the_breakdown()
    {
        var label = new ShopFeedback
        {
            ActualMinutes = 5,
            Source = FeedbackSource.Actual,
            Operations = [new OperationActual("Soustružení", 3.25), new OperationActual("Frézování", 1.75)],
        };

        var answer = TrainingAnswer.Build(Model, label);

        Assert.Equal([("Soustružení", 3.25), ("Frézování", 1.75)], answer.Breakdown.Select(b => (b.Operation, b.TimeMin)));
        Assert.Equal(5, answer.EstimatedTimeMin);
    }

    [Fact]
    public void Corrections_are_taught_and_inch_envelopes_go_back_to_the_drawing_units()
    {
        var inchModel = EstimateReader.Read(SampleEstimates.ShaftJson(units: "inch")).Estimate!;
        var label = new ShopFeedback { ActualMinutes = 2, Source = FeedbackSource.Actual, PartType = PartType.Combined, Material = "1.4305" };

        var answer = TrainingAnswer.Build(inchModel, label);

        Assert.Equal((PartType.Combined, "1.4305"), (answer.PartType, answer.MaterialDetected));
        Assert.Equal(4, answer.MaxDiameterMm);
        Assert.Equal(DrawingUnits.Inches, answer.DrawingUnits);
    }
}
