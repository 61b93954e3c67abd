using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Tests.Support;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>The estimator of a page is chosen by its model id's kind, from the one interface every estimator implements.</summary>
public sealed class PageEstimatorsTests
{
    [Theory]
    [InlineData("gpt-4.1", typeof(VisionPageEstimator))]
    [InlineData("ft:gpt-4o-2024-08-06:shop::abc123", typeof(VisionPageEstimator))]
    [InlineData("offline", typeof(OfflinePageEstimator))]
    [InlineData("history", typeof(HistoryPageEstimator))]
    public void The_registered_estimators_answer_each_kind_of_model_id(string model, Type estimator)
    {
        using var services = CoreServices.Create(s => s.AddTimeVisionPipeline().AddTimeVisionHistory());

        Assert.IsType(estimator, services.Get<PageEstimators>().For(ModelId.Parse(model)));
    }

    [Fact]
    public void A_calibrated_id_is_no_page_estimator_and_says_so()
    {
        using var services = CoreServices.Create(s => s.AddTimeVisionPipeline().AddTimeVisionHistory());

        var refused = Assert.Throws<ArgumentException>(() => services.Get<PageEstimators>().For(ModelId.Parse("calibrated:gpt-4.1")));

        Assert.Contains("calibrated:gpt-4.1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_are_stored_under_the_estimator_s_own_hash()
    {
        using var services = CoreServices.Create(s => s.AddTimeVisionPipeline().AddTimeVisionHistory());
        var step = services.Get<EstimatePageStep>();

        Assert.Equal(OfflineEstimator.Hash, step.PromptHashFor(ModelId.Offline));
        Assert.Equal(HistoryEstimator.Hash, step.PromptHashFor(ModelId.History));
        Assert.Equal(services.Get<TimeVision.Core.Estimating.Vision.Prompts.PromptCatalog>().ForModel("gpt-4.1").Hash, step.PromptHashFor(ModelId.Parse("gpt-4.1")));
    }

    [Fact]
    public void Two_estimators_for_one_kind_are_a_wiring_fault()
    {
        var fault = Assert.Throws<InvalidOperationException>(() => new PageEstimators([new OfflinePageEstimator(), new OfflinePageEstimator()]));

        Assert.Contains("Offline", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_estimator_answers_its_kind_beside_the_others()
    {
        var offline = new OfflinePageEstimator();
        var estimators = new PageEstimators([offline, new Fixed(ModelKind.Deployment)]);

        Assert.Same(offline, estimators.For(ModelId.Offline));
        Assert.IsType<Fixed>(estimators.For(ModelId.Default));
        Assert.Throws<ArgumentException>(() => estimators.For(ModelId.History));
    }

    private sealed class Fixed(ModelKind kind) : IPageEstimator
    {
        public ModelKind Answers => kind;

        public string PromptHashFor(ModelId model, HistoryHoldout? holdout) => "fixed";

        public Task<PageEstimateResult> EstimateAsync(PageEstimateInput input, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
