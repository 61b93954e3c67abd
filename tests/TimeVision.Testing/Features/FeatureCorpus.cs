using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;
using Xunit;

namespace TimeVision.Testing.Features;

/// <summary>What a corpus document is for the features task.</summary>
public enum FeatureCorpusKind
{
    /// <summary>The estimator corrected its features: the label is theirs.</summary>
    Corrected,

    /// <summary>The estimator accepted its plan: the label is the text layer's high-confidence features.</summary>
    Accepted,

    /// <summary>Its plan was accepted, then the estimate ran again: the acceptance is of an older text-layer reading.</summary>
    AcceptedThenRerun,

    /// <summary>Corrected, but its estimate has two parts.</summary>
    TwoParts,

    /// <summary>Nothing confirmed: the text layer's and the model's readings only.</summary>
    Unconfirmed,
}

/// <summary>One stored corpus document.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Drawing">Its drawing number.</param>
/// <param name="Label">The features confirmed (the estimator's, or the text layer's high ones); none when unconfirmed.</param>
public sealed record FeatureCorpusDocument(string Id, FeatureCorpusKind Kind, string Drawing, FeatureSet? Label);

/// <summary>
/// Stored estimates with features for the features task's export and evaluation, through the same services an
/// estimator's correction (<see cref="EstimatePlans.CorrectAsync"/>) and acceptance (<see cref="EstimatePlans.AcceptAsync"/>)
/// use: every document one sheet (<c>pageImage</c>), a text-layer reading of two high-confidence holes and a medium
/// chamfer on a stainless title block, a plan, and then what its kind says.
/// </summary>
public static class FeatureCorpus
{
    /// <summary>Who corrects the features.</summary>
    public const string Estimator = "jana@shop.example";

    /// <summary>Who accepts the plans.</summary>
    public const string Accepter = "petr@shop.example";

    /// <summary>The text layer's material, in Czech as a title block writes it.</summary>
    public const string Material = "Nerezová ocel 1.4301";

    /// <summary>The text layer's reading every document starts with.</summary>
    public static FeatureSet TextLayer { get; } = new()
    {
        Material = Material,
        MaterialGroup = "stainless_steel",
        Features =
        [
            new MachiningFeature { Id = "t1", Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.75, Source = new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.High) },
            new MachiningFeature { Id = "t2", Type = FeatureType.Tapping, Count = 4, Thread = "M8", DiameterMm = 8, PitchMm = 1.25, Source = new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.High) },
            new MachiningFeature { Id = "t3", Type = FeatureType.Chamfer, Count = 1, LengthMm = 0.5, Source = new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.Medium) },
        ],
    };

    /// <summary>What the estimator enters for corrected document <paramref name="index"/>: a block with a pocket, holes whose count grows with the index, and a chamfer.</summary>
    public static FeatureSet Correction(int index) => new()
    {
        PartType = Core.Estimating.ProcessPlanning.PartType.Prismatic,
        Material = Material,
        MaterialGroup = "stainless_steel",
        Stock = new Stock { Shape = StockShape.Block, LengthMm = 120, WidthMm = 80, HeightMm = 30 },
        Features =
        [
            new MachiningFeature { Id = "e1", Type = FeatureType.PocketMilling, Count = 1, LengthMm = 60, WidthMm = 40, DepthMm = 8 },
            new MachiningFeature { Id = "e2", Type = FeatureType.Drilling, Count = 2 + index, DiameterMm = 10, Through = true, DepthMm = 30 },
            new MachiningFeature { Id = "e3", Type = FeatureType.Tapping, Count = 4, Thread = "M8", DiameterMm = 8, PitchMm = 1.25, DepthMm = 12 },
            new MachiningFeature { Id = "e4", Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.75, DepthMm = 15 },
            new MachiningFeature { Id = "e5", Type = FeatureType.Chamfer, Count = 4, LengthMm = 1 },
        ],
    };

    /// <summary>The id of the document made from <paramref name="seed"/>.</summary>
    public static string IdOf(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    /// <summary>
    /// Stores <paramref name="corrected"/> corrected documents (drawings <c>C-1</c>, …, the last two sharing drawing
    /// <c>C-SAME</c>), <paramref name="accepted"/> accepted ones (<c>A-1</c>, …), and one each of the other kinds.
    /// </summary>
    public static async Task<IReadOnlyList<FeatureCorpusDocument>> BuildAsync(
        IServiceProvider services, BinaryData pageImage, CancellationToken cancellationToken, int corrected = 6, int accepted = 2)
    {
        ArgumentNullException.ThrowIfNull(services);
        var documents = new List<FeatureCorpusDocument>();
        for (var i = 0; i < corrected; i++)
        {
            var drawing = i >= corrected - 2 ? "C-SAME" : $"C-{i + 1}";
            documents.Add(await AddAsync(services, pageImage, $"corrected-{i}", FeatureCorpusKind.Corrected, drawing, Correction(i), cancellationToken));
        }

        for (var i = 0; i < accepted; i++)
        {
            documents.Add(await AddAsync(services, pageImage, $"accepted-{i}", FeatureCorpusKind.Accepted, $"A-{i + 1}", null, cancellationToken));
        }

        documents.Add(await AddAsync(services, pageImage, "rerun", FeatureCorpusKind.AcceptedThenRerun, "R-1", null, cancellationToken));
        documents.Add(await AddAsync(services, pageImage, "two-parts", FeatureCorpusKind.TwoParts, "P-1", Correction(0), cancellationToken));
        documents.Add(await AddAsync(services, pageImage, "unconfirmed", FeatureCorpusKind.Unconfirmed, "U-1", null, cancellationToken));
        return documents;
    }

    private static async Task<FeatureCorpusDocument> AddAsync(
        IServiceProvider services, BinaryData pageImage, string seed, FeatureCorpusKind kind, string drawing, FeatureSet? correction, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IEstimateStore>();
        var plans = services.GetRequiredService<EstimatePlans>();
        var id = IdOf(seed);
        var document = await StoreAsync(services, pageImage, id, drawing, kind == FeatureCorpusKind.TwoParts ? 2 : 1, cancellationToken);
        FeatureSet? label = null;
        switch (kind)
        {
            case FeatureCorpusKind.Corrected or FeatureCorpusKind.TwoParts:
                var saved = await plans.CorrectAsync(id, correction!, Estimator, document.ETag!, cancellationToken);
                Assert.Equal(FeatureCorrectionOutcome.Saved, saved.Outcome);
                label = correction;
                break;
            case FeatureCorpusKind.Accepted or FeatureCorpusKind.AcceptedThenRerun:
                var acceptance = await plans.AcceptAsync(id, Accepter, document.ETag!, cancellationToken);
                Assert.Equal(StoredPlanChangeOutcome.Saved, acceptance.Outcome);
                label = TextLayer with { Features = [.. TextLayer.Features.Where(f => f.Source!.Confidence == FactConfidence.High)] };
                if (kind == FeatureCorpusKind.AcceptedThenRerun)
                {
                    var stored = (await store.GetAsync(id, cancellationToken))!;
                    await store.SaveAsync(await plans.PlanAsync(stored, stored.Features, cancellationToken), stored.ETag, cancellationToken);
                }

                break;
        }

        return new FeatureCorpusDocument(id, kind, drawing, label);
    }

    /// <summary>Stores a document of <paramref name="parts"/> one-sheet parts with the text layer's reading and its plan; returns it as stored (with its ETag).</summary>
    private static async Task<DocumentEstimate> StoreAsync(
        IServiceProvider services, BinaryData pageImage, string id, string drawing, int parts, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IEstimateStore>();
        var blobs = services.GetRequiredService<IBlobStore>();
        var estimate = EstimateReader.Read(FakeOpenAI.SampleEstimates.ShaftJson()).Estimate!;
        var pages = new List<DocumentPage>();
        for (var page = 1; page <= parts; page++)
        {
            var image = BlobReference.Page(id, page);
            await blobs.UploadAsync(image, pageImage.ToStream(), cancellationToken);
            pages.Add(new DocumentPage(page, PageEstimateStatus.Completed, image, null, Result(estimate with { DrawingNumber = page == 1 ? drawing : $"{drawing}-{page}" })));
        }

        var (documentParts, total, models, status) = DocumentAggregator.Aggregate(pages);
        var source = new FeatureSource(FeatureSourceKind.TextLayer, 1, null, FactConfidence.High);
        var merged = FeatureMerge.Merge([new SourcedFeatureSet(TextLayer, source)]).Features;
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        await store.SaveAsync(
            new DocumentEstimate
            {
                Id = id, FileName = $"{drawing.ToLowerInvariant()}.pdf", Source = DocumentSource.Cli, Status = status, PageCount = pages.Count, Pages = pages,
                Parts = documentParts, TotalEstimatedMinutes = total, Models = models, CreatedAt = at, CompletedAt = at,
                Features = new DocumentFeatures
                {
                    Version = 1, Merged = merged,
                    Readings = [new FeatureReading { Kind = FeatureSourceKind.TextLayer, Version = 1, Features = TextLayer, Source = source, At = at }],
                },
                Plan = new DocumentPlan
                {
                    FeaturesVersion = 1, CuttingDataVersion = PlanningData.DefaultCutting.Version,
                    Routing = new ProcessPlanner(PlanningData.DefaultCutting, PlanningData.DefaultCentres).Plan(merged),
                },
            },
            null,
            cancellationToken);
        return (await store.GetAsync(id, cancellationToken))!;
    }

    private static PageEstimateResult Result(PageEstimate estimate) => new()
    {
        Status = PageEstimateStatus.Completed, Estimate = estimate, Model = "gpt-4o-2024-08-06", Provider = "openai", PromptId = "base", PromptVersion = "1.0.0",
        PromptHash = new string('c', 64), Detail = "high", Attempts = 1, InputTokens = 1105, OutputTokens = 300, LatencyMs = 1200, ImageBytesSent = 180_000,
        ImageWidthPx = 2048, ImageHeightPx = 1448, Warnings = [],
    };
}
