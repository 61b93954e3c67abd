using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Storage;

namespace TimeVision.Testing.History;

/// <summary>A generated part: what its drawing's text layer says.</summary>
/// <param name="Turned">Turned (a diameter at least half its length) or prismatic.</param>
/// <param name="LengthMm">Its length.</param>
/// <param name="CrossMm">Its diameter (turned) or width (prismatic).</param>
/// <param name="Material">The material as lettered: <c>C45</c> (steel), <c>EN AW-6082</c> (aluminium), <c>X5CrNi18-10</c> (stainless).</param>
/// <param name="Threads">Threads lettered.</param>
/// <param name="Fits">H7 fits lettered.</param>
/// <param name="Holes">Small holes lettered (Ø6.5).</param>
/// <param name="DrawingNumber">Its drawing number.</param>
public sealed record GeneratedPart(bool Turned, double LengthMm, double CrossMm, string Material, int Threads, int Fits, int Holes, string DrawingNumber)
{
    /// <summary>
    /// The shop's real time, a known function of the facts: a base for the kind of part, growing with length to the
    /// power 0.8, times the material's factor, plus a share per thread, fit and hole.
    /// </summary>
    public double TrueMinutes => Math.Round(
        (Turned ? 4 : 6)
        * Math.Pow(LengthMm / 50, 0.8)
        * Material switch { "EN AW-6082" => 0.6, "X5CrNi18-10" => 1.5, _ => 1.0 }
        * (1 + (0.12 * Threads) + (0.25 * Fits) + (0.05 * Holes)),
        2);
}

/// <summary>
/// Labelled history made without PDFs: stored documents whose one page has generated text-layer facts (stored where the
/// pipeline stores them), the offline estimate as the model's answer, and a real time recorded through the feedback
/// service. The facts go through Core's real readers of stored facts, the offline estimator and the history index.
/// </summary>
public static class GeneratedHistory
{
    private static readonly string[] Materials = ["C45", "EN AW-6082", "X5CrNi18-10"];
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    /// <summary>A document id from a seed text.</summary>
    public static string IdOf(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    /// <summary>A part drawn at random: turned or prismatic, 20–400 mm, one of three materials, 0–6 threads, 0–3 fits, 0–8 holes.</summary>
    public static GeneratedPart Draw(Random random, int index)
    {
        ArgumentNullException.ThrowIfNull(random);
        var turned = random.Next(2) == 0;
        var length = Math.Round(20 + (random.NextDouble() * 380), 1);
        return new GeneratedPart(
            turned,
            length,
            Math.Round(length * (turned ? 0.5 + (random.NextDouble() * 0.4) : 0.3 + (random.NextDouble() * 0.4)), 1),
            Materials[random.Next(Materials.Length)],
            random.Next(7),
            random.Next(4),
            turned ? 0 : random.Next(9),
            string.Create(CultureInfo.InvariantCulture, $"GEN-{index:0000}"));
    }

    /// <summary>What the part's sheet's text layer says.</summary>
    public static PageFacts FactsOf(GeneratedPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var at = new FactSource(1, string.Empty, new TextBox(0, 0, 10, 10));
        DrawingFact Fact(string value, double? number = null) => new(value, FactConfidence.High, at) { Number = number };
        var diameters = Enumerable.Repeat(Fact("Ø6.5", 6.5), part.Holes).ToList();
        if (part.Turned)
        {
            diameters.Insert(0, Fact(string.Create(CultureInfo.InvariantCulture, $"Ø{part.CrossMm}"), part.CrossMm));
        }

        return new PageFacts
        {
            Page = 1,
            WordCount = 120,
            TitleBlock = new TitleBlockFacts
            {
                Material = Fact(part.Material),
                MaterialGroup = MaterialCatalog.GroupOf(part.Material),
                DrawingNumber = Fact(part.DrawingNumber),
                PartName = Fact("Díl " + part.DrawingNumber),
                Units = Fact("mm"),
                GeneralTolerance = Fact("ISO 2768-mK"),
            },
            Features = new FeatureFacts
            {
                Diameters = diameters,
                Threads = [.. Enumerable.Repeat(Fact("M8", 8), part.Threads)],
                Fits = [.. Enumerable.Repeat(Fact("H7", 7), part.Fits)],
                Dimensions = part.Turned ? [part.LengthMm] : [part.LengthMm, part.CrossMm],
            },
        };
    }

    /// <summary>
    /// Stores <paramref name="part"/> as document <paramref name="documentId"/> (facts, the offline estimate as its answer)
    /// and, unless <paramref name="actualMinutes"/> is 0, records that real time (default: <see cref="GeneratedPart.TrueMinutes"/>).
    /// With <paramref name="pageImage"/>, the page has that image stored too, for a vision model to be asked.
    /// </summary>
    public static async Task StoreAsync(
        IServiceProvider services, string documentId, GeneratedPart part, CancellationToken cancellationToken, double? actualMinutes = null, BinaryData? pageImage = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(part);
        var facts = FactsOf(part);
        var factsBlob = BlobReference.PageFacts(documentId, 1);
        await services.GetRequiredService<IBlobStore>().UploadAsync(
            factsBlob, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(facts, FactsJson)), cancellationToken);
        if (pageImage is not null)
        {
            await services.GetRequiredService<IBlobStore>().UploadAsync(BlobReference.Page(documentId, 1), pageImage.ToStream(), cancellationToken);
        }

        var result = OfflineEstimator.Estimate(facts);
        var pages = new List<DocumentPage> { new(1, result.Status, BlobReference.Page(documentId, 1), null, result, factsBlob) };
        var (parts, total, models, status) = DocumentAggregator.Aggregate(pages);
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<IEstimateStore>().SaveAsync(
            new DocumentEstimate
            {
                Id = documentId,
                FileName = part.DrawingNumber + ".pdf",
                Source = DocumentSource.Cli,
                Status = status,
                PageCount = 1,
                Pages = pages,
                Parts = parts,
                TotalEstimatedMinutes = total,
                Models = models,
                CreatedAt = now,
                CompletedAt = now,
            },
            null,
            cancellationToken);
        if (actualMinutes is not 0)
        {
            var recorded = await services.GetRequiredService<FeedbackService>().RecordAsync(
                documentId, new ShopFeedback { ActualMinutes = actualMinutes ?? part.TrueMinutes, Source = FeedbackSource.Actual }, null, cancellationToken);
            if (recorded.Outcome != FeedbackOutcome.Saved)
            {
                throw new InvalidOperationException($"Feedback for {documentId} was not saved: {recorded.Message}");
            }
        }
    }
}
