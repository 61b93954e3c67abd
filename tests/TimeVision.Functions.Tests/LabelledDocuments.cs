using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Testing;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Tests;

/// <summary>
/// Labelled estimates for the export and fine-tuning tests without a pipeline run each: one drawing is estimated
/// through the API, and copies of its estimate are stored under ids of their own (sharing its page image), each with
/// a measured time recorded through the feedback service.
/// </summary>
internal static class LabelledDocuments
{
    /// <summary>Stores <paramref name="count"/> labelled documents; returns their ids in the order made.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(FunctionsHarness harness, int count, CancellationToken cancellationToken)
    {
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await harness.Api.PostAsync(FunctionsHarness.Request("POST", TestPdfs.WithPages(1)), harness.Client, cancellationToken)).Result);
        var templateId = accepted.Location!.Split('/')[^1];
        await harness.WaitAsync(templateId);
        var store = harness.Services.GetRequiredService<IEstimateStore>();
        var template = (await store.GetAsync(templateId, cancellationToken))!;
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"labelled-{i}")));
            await store.SaveAsync(template with { Id = id, FileName = $"part-{i}.pdf", ETag = null }, ifMatch: null, cancellationToken);
            await LabelAsync(harness, id, 10 + i, cancellationToken);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Records a measured time for a stored document, as the feedback endpoint does.</summary>
    public static async Task LabelAsync(FunctionsHarness harness, string documentId, double minutes, CancellationToken cancellationToken)
    {
        var result = await harness.Services.GetRequiredService<FeedbackService>().RecordAsync(
            documentId, new ShopFeedback { ActualMinutes = minutes, Source = FeedbackSource.Actual }, ifMatch: null, cancellationToken);
        Assert.Equal(FeedbackOutcome.Saved, result.Outcome);
    }
}
