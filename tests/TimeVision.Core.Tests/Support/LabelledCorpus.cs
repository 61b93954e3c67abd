using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;

namespace TimeVision.Core.Tests.Support;

/// <summary>A small corpus of stored, labelled estimates for the training export and fine-tuning tests.</summary>
internal static class LabelledCorpus
{
    /// <summary>The id of the corpus document built <paramref name="index"/>th (0 is the first measured one).</summary>
    public static string IdOf(int index) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([(byte)index]));

    /// <summary>
    /// Labelled documents: <paramref name="measuredDocuments"/> simple ones with measured times, one with a blocked
    /// page, one with two parts labelled as a whole, and one expert-only. Every page image is
    /// <paramref name="pageImage"/>, by default the sample page as the pipeline stores it (at the model's size).
    /// </summary>
    public static async Task<List<double>> BuildAsync(IServiceProvider services, CancellationToken token, int measuredDocuments = 10, BinaryData? pageImage = null)
    {
        var page = (pageImage ?? await RenderedPages.OdriMotorShaftAsStoredAsync()).ToArray();
        var store = services.Get<IEstimateStore>();
        var blobs = services.Get<IBlobStore>();
        var feedback = services.Get<FeedbackService>();
        var template = EstimateStoreContract.SampleDocument();
        var truths = new List<double>();

        async Task<string> AddAsync(int index, PageEstimateStatus[] statuses, string?[] drawingNumbers)
        {
            var id = IdOf(index);
            var pages = new List<DocumentPage>();
            for (var p = 0; p < statuses.Length; p++)
            {
                var image = BlobReference.Page(id, p + 1);
                await blobs.UploadAsync(image, new MemoryStream(page), token);
                var result = template.Pages[0].Result! with
                {
                    Status = statuses[p],
                    Estimate = statuses[p] == PageEstimateStatus.Completed ? template.Pages[0].Result!.Estimate! with { DrawingNumber = drawingNumbers[p] } : null,
                };
                pages.Add(new DocumentPage(p + 1, statuses[p], image, null, result));
            }

            var (parts, total, models, status) = DocumentAggregator.Aggregate(pages);
            await store.SaveAsync(
                template with { Id = id, Pages = pages, Parts = parts, TotalEstimatedMinutes = total, Models = models, Status = status, PageCount = pages.Count },
                null,
                token);
            return id;
        }

        for (var i = 0; i < measuredDocuments; i++)
        {
            var id = await AddAsync(i < 20 ? i : i + 3, [PageEstimateStatus.Completed], ["D-1"]);
            var truth = 2 + i;
            truths.Add(truth);
            Assert.Equal(FeedbackOutcome.Saved, (await feedback.RecordAsync(id, new ShopFeedback { ActualMinutes = truth, Source = FeedbackSource.Actual }, null, token)).Outcome);
        }

        var withBlocked = await AddAsync(20, [PageEstimateStatus.Completed, PageEstimateStatus.Blocked], ["D-2", null]);
        truths.Add(7.5);
        await feedback.RecordAsync(withBlocked, new ShopFeedback { ActualMinutes = 7.5, Source = FeedbackSource.Actual }, null, token);

        var twoParts = await AddAsync(21, [PageEstimateStatus.Completed, PageEstimateStatus.Completed], ["P-1", "P-2"]);
        await feedback.RecordAsync(twoParts, new ShopFeedback { ActualMinutes = 9, Source = FeedbackSource.Actual }, null, token);

        var expertOnly = await AddAsync(22, [PageEstimateStatus.Completed], ["E-1"]);
        await feedback.RecordAsync(expertOnly, new ShopFeedback { ActualMinutes = 4, Source = FeedbackSource.Expert }, null, token);
        return truths;
    }
}
