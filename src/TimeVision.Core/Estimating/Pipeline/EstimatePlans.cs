using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>How storing an estimator's features ended.</summary>
public enum FeatureCorrectionOutcome
{
    /// <summary>Stored, merged and planned again.</summary>
    Saved,

    /// <summary>No estimate with that id.</summary>
    NotFound,

    /// <summary>The features break a rule of the contract; nothing was stored.</summary>
    Invalid,

    /// <summary>The estimate changed since the given token was read; nothing was overwritten.</summary>
    Stale,
}

/// <summary>The result of storing an estimator's features.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Document">The estimate as saved, with its new features and plan, when saved.</param>
/// <param name="ETag">Its new concurrency token, when saved.</param>
/// <param name="Message">Why not, when not saved.</param>
public sealed record FeatureCorrectionResult(FeatureCorrectionOutcome Outcome, DocumentEstimate? Document, string? ETag, string? Message);

/// <summary>A stored estimate's plan with the features it was made from, as <c>plan &lt;id&gt;</c> and <c>GET /api/estimates/{id}/plan</c> show it.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Features">The features: every reading and their merge.</param>
/// <param name="Plan">The plan and the versions it was made from.</param>
/// <param name="Headline">Which number heads the estimate, the engine's or the model's, and the other beside it.</param>
public sealed record StoredPlan(string Id, DocumentFeatures Features, DocumentPlan Plan, EstimateHeadline? Headline)
{
    /// <summary>The plan of <paramref name="document"/>, which has one.</summary>
    /// <param name="document">A stored estimate with features and a plan.</param>
    public static StoredPlan Of(DocumentEstimate document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new StoredPlan(document.Id, document.Features!, document.Plan!, document.Headline);
    }
}

/// <summary>A stored estimate's plan, or why there is none to show.</summary>
/// <param name="Plan">The plan, when the estimate has one.</param>
/// <param name="ETag">The estimate's concurrency token, for a correction's <c>If-Match</c>.</param>
/// <param name="Code">Why not: <c>not_found</c>, or <c>no_plan</c> for an estimate without one.</param>
/// <param name="Message">Why not, for a person.</param>
public sealed record StoredPlanLookup(StoredPlan? Plan, string? ETag, string? Code, string? Message)
{
    /// <summary>The code of an unknown id.</summary>
    public const string NotFound = "not_found";

    /// <summary>The code of an estimate without a plan.</summary>
    public const string NoPlan = "no_plan";
}

/// <summary>
/// A stored estimate's features and process plan: read from the pages' text layers (their stored facts) and the
/// model's answer, merged with the estimator's corrections by <see cref="FeatureMerge"/>, planned by
/// <see cref="ProcessPlanner"/> with the shop's cutting data (<see cref="ICuttingDataSource"/>: the stored override, else the
/// data folder's, over the defaults) and work
/// centres (<see cref="IWorkCentreSource"/>: the rates' list), with the shop's factors per operation when the engine has
/// a calibration. Every run of an estimate and every correction makes a new features version; the plan records the
/// versions it was made from. A correction chooses the headline number again (<see cref="EstimateHeadlines"/>).
/// </summary>
/// <param name="facts">The pages' stored text-layer facts.</param>
/// <param name="estimates">The stored estimates, for corrections.</param>
/// <param name="storage">Where the data folder is.</param>
/// <param name="workCentres">The shop's work centres: the rates' list once an admin stored rates, else the data folder's over the defaults.</param>
/// <param name="cuttingData">The shop's cutting data: the stored override once an admin stored one, else the data folder's, over the defaults.</param>
/// <param name="calibration">The shop's factors per operation, when the engine has a calibration.</param>
/// <param name="headlines">Chooses the headline number again after a correction.</param>
/// <param name="time">When a reading was made.</param>
public sealed class EstimatePlans(
    StoredPageFacts facts,
    IEstimateStore estimates,
    IOptions<StorageOptions> storage,
    IWorkCentreSource workCentres,
    ICuttingDataSource cuttingData,
    IPlanCalibration calibration,
    EstimateHeadlines headlines,
    TimeProvider time)
{
    /// <summary>Estimator versions one estimate keeps; older ones are dropped (the newest is the one merged).</summary>
    public const int MaxEstimatorReadings = 20;

    /// <summary>Acceptances of the plan one estimate keeps; older ones are dropped (the newest is the one that counts).</summary>
    public const int MaxAcceptances = 20;

    /// <summary>The stored estimate's plan, or why there is none: an unknown id, an estimate from before plans were kept, or one with nothing to machine.</summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<StoredPlanLookup> FindAsync(string documentId, CancellationToken cancellationToken)
    {
        var document = DocumentId.TryParse(documentId, out var id) ? await estimates.GetAsync(id.Value, cancellationToken) : null;
        return document switch
        {
            null => new StoredPlanLookup(null, null, StoredPlanLookup.NotFound, $"No stored estimate with id '{documentId.Trim()}'."),
            { Features: not null, Plan.Routing: not null } => new StoredPlanLookup(StoredPlan.Of(document), document.ETag, null, null),
            { Plan.NotMade: { } notMade } => new StoredPlanLookup(null, document.ETag, StoredPlanLookup.NoPlan, $"The estimate has no process plan: {notMade.Message} ({notMade.Code})"),
            _ => new StoredPlanLookup(
                null, document.ETag, StoredPlanLookup.NoPlan, "The estimate was made before plans were kept; estimate it again, or enter its features."),
        };
    }

    /// <summary>
    /// <paramref name="document"/> with features read afresh from its pages and its model's answer, the estimator's
    /// readings kept from <paramref name="kept"/>, and the plan made from their merge.
    /// </summary>
    /// <param name="document">The assembled estimate.</param>
    /// <param name="kept">The stored estimate's features, when there is one.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<DocumentEstimate> PlanAsync(DocumentEstimate document, DocumentFeatures? kept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var version = (kept?.Version ?? 0) + 1;
        var readings = await ReadAsync(document, version, cancellationToken);
        readings.AddRange(kept?.Readings.Where(r => r.Kind == FeatureSourceKind.Estimator) ?? []);
        return await WithPlanAsync(document, readings, version, kept?.Acceptances, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="features"/> as the estimator's own version (every feature the estimator's, with who and
    /// when), merges it over the other readings (the estimator wins), plans again and saves, if the stored estimate
    /// still carries <paramref name="ifMatch"/>.
    /// </summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="features">What the estimator entered.</param>
    /// <param name="by">Who, as the host vouches for the caller; <see langword="null"/> when it vouches for nobody.</param>
    /// <param name="ifMatch">The estimate's concurrency token as the caller read it.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public async Task<FeatureCorrectionResult> CorrectAsync(
        string documentId, FeatureSet features, string? by, string ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (FeatureSetRules.Check(features) is { } problem)
        {
            return new FeatureCorrectionResult(FeatureCorrectionOutcome.Invalid, null, null, problem);
        }

        var document = await estimates.GetAsync(documentId, cancellationToken);
        if (document is null)
        {
            return new FeatureCorrectionResult(FeatureCorrectionOutcome.NotFound, null, null, $"No estimate with id '{documentId}'.");
        }

        if (ifMatch != document.ETag)
        {
            return Stale("The estimate changed since its token was read; read it again and resend.");
        }

        var version = (document.Features?.Version ?? 0) + 1;
        var readings = document.Features?.Readings.ToList() ?? await ReadAsync(document, version, cancellationToken);
        readings.Add(new FeatureReading
        {
            Kind = FeatureSourceKind.Estimator, Version = version, Features = AsEstimators(features), Source = new FeatureSource(FeatureSourceKind.Estimator),
            By = by, At = time.GetUtcNow(),
        });
        var updated = await headlines.ChooseAsync(
            await WithPlanAsync(document, Trimmed(readings), version, document.Features?.Acceptances, cancellationToken), cancellationToken);
        try
        {
            var token = await estimates.SaveAsync(updated, document.ETag, cancellationToken);
            return new FeatureCorrectionResult(FeatureCorrectionOutcome.Saved, updated with { ETag = token }, token, null);
        }
        catch (ConcurrencyConflictException)
        {
            return Stale("The estimate changed while the features were being written; read it again and resend.");
        }
    }

    /// <summary>
    /// Plans a features file (<c>plan --features</c>) with the given overrides, else the shop's, and the shop's
    /// factors per operation when the engine has a calibration; the first input rejected ends it with its error.
    /// </summary>
    /// <param name="featuresFile">The features.</param>
    /// <param name="cuttingDataFile">A cutting-data override, or null for the shop's (the stored override, else the data folder's, else none).</param>
    /// <param name="workCentresFile">A work-centres override, or null for the shop's (the rates' list, else the data folder's, else none).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<InputFileResult<ProcessPlan>> PlanFileAsync(string featuresFile, string? cuttingDataFile, string? workCentresFile, CancellationToken cancellationToken)
    {
        var plan = await FilePlans.PlanAsync(featuresFile, cuttingDataFile, workCentresFile, storage.Value.DataDirectory, workCentres, cuttingData, cancellationToken);
        return plan.Value is { } made && await calibration.CurrentAsync(cancellationToken) is { } factors
            ? InputFileResult<ProcessPlan>.Success(factors.Apply(made))
            : plan;
    }

    /// <summary>
    /// The engine's own plan of a document as it stands, without the shop's factors, for a calibration to learn from or
    /// an evaluation to score: the stored estimate's merged features (the estimator's corrections included), else its
    /// pages' readings merged (an imported drawing has only its text layer), else the text layer of
    /// <paramref name="pageFacts"/> (a document never stored as an estimate); planned with the shop's cutting data and
    /// work centres. <see langword="null"/> when there is nothing to machine or the data folder's override is rejected.
    /// </summary>
    /// <param name="documentId">The document.</param>
    /// <param name="pageFacts">Its pages' stored facts, for a document with no stored estimate.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<ProcessPlan?> EnginePlanAsync(string documentId, IEnumerable<BlobReference?> pageFacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageFacts);
        var stored = await estimates.GetAsync(documentId, cancellationToken);
        FeatureSet features;
        if (stored?.Features is { } kept)
        {
            features = kept.Merged;
        }
        else if (stored is not null)
        {
            features = Merge(await ReadAsync(stored, 0, cancellationToken)).Features;
        }
        else
        {
            var pages = new List<PageFacts>();
            foreach (var page in pageFacts)
            {
                if (await facts.LoadAsync(page, cancellationToken) is { } read)
                {
                    pages.Add(read);
                }
            }

            features = TextLayerFeatures.From(pages);
        }

        return (await PlanOfAsync(features, 0, calibrated: false, cancellationToken)).Routing;
    }

    /// <summary>
    /// Records the estimator's acceptance of the stored estimate's plan (<see cref="PlanAcceptance"/>: the features
    /// version it was made from, who and when), if the stored estimate still carries <paramref name="ifMatch"/> and has a
    /// plan. Nothing else changes: not the features, not the plan, not the headline.
    /// </summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="by">Who, as the host vouches for the caller; <see langword="null"/> when it vouches for nobody.</param>
    /// <param name="ifMatch">The estimate's concurrency token as the caller read it with the plan.</param>
    /// <param name="cancellationToken">Cancels the read and the write.</param>
    public Task<StoredPlanChangeResult> AcceptAsync(string documentId, string? by, string ifMatch, CancellationToken cancellationToken) =>
        ChangeStoredPlanAsync(documentId, ifMatch, "accept", document =>
        {
            var features = document.Features!;
            var accepted = (features.Acceptances ?? []).Append(new PlanAcceptance(features.Version, by, time.GetUtcNow())).TakeLast(MaxAcceptances).ToList();
            return Task.FromResult(document with { Features = features with { Acceptances = accepted } });
        }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored estimate and stores it, if it still carries <paramref name="ifMatch"/>
    /// and has a plan; what the caller does to the plan (<paramref name="verb"/>) words the refusals.
    /// </summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="ifMatch">The estimate's concurrency token as the caller read it with the plan.</param>
    /// <param name="verb">What the caller does to the plan: <c>accept</c>, <c>re-plan</c>.</param>
    /// <param name="change">The estimate as it is to be stored, from the estimate as stored (with features and a plan).</param>
    /// <param name="cancellationToken">Cancels the read and the write.</param>
    internal async Task<StoredPlanChangeResult> ChangeStoredPlanAsync(
        string documentId, string ifMatch, string verb, Func<DocumentEstimate, Task<DocumentEstimate>> change, CancellationToken cancellationToken)
    {
        var document = DocumentId.TryParse(documentId, out var id) ? await estimates.GetAsync(id.Value, cancellationToken) : null;
        if (document is null)
        {
            return new StoredPlanChangeResult(StoredPlanChangeOutcome.NotFound, null, null, $"No stored estimate with id '{documentId.Trim()}'.");
        }

        if (ifMatch != document.ETag)
        {
            return PlanStale($"The estimate changed since its token was read; read its plan again and {verb} that.");
        }

        if (document is not { Features: not null, Plan.Routing: not null })
        {
            return new StoredPlanChangeResult(StoredPlanChangeOutcome.NoPlan, null, null, $"The estimate has no process plan to {verb}; enter its features first.");
        }

        var updated = await change(document);
        try
        {
            var token = await estimates.SaveAsync(updated, document.ETag, cancellationToken);
            return new StoredPlanChangeResult(StoredPlanChangeOutcome.Saved, updated with { ETag = token }, token, null);
        }
        catch (ConcurrencyConflictException)
        {
            return PlanStale($"The estimate changed while it was being written; read its plan again and {verb} that.");
        }
    }

    /// <summary><paramref name="document"/>'s stored merged features planned again with the shop's data in use, the features untouched.</summary>
    /// <param name="document">A stored estimate with features.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    internal async Task<DocumentEstimate> ReplannedAsync(DocumentEstimate document, CancellationToken cancellationToken) =>
        document with { Plan = await PlanOfAsync(document.Features!.Merged, document.Features.Version, calibrated: true, cancellationToken) };

    private static FeatureCorrectionResult Stale(string message) => new(FeatureCorrectionOutcome.Stale, null, null, message);

    private static StoredPlanChangeResult PlanStale(string message) => new(StoredPlanChangeOutcome.Stale, null, null, message);

    private async Task<List<FeatureReading>> ReadAsync(DocumentEstimate document, int version, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var pages = new List<PageFacts>();
        foreach (var page in document.Pages)
        {
            if (await facts.LoadAsync(page.Facts, cancellationToken) is { } read)
            {
                pages.Add(read);
            }
        }

        var material = pages.Select(p => p.TitleBlock.Material).FirstOrDefault(m => m is not null);
        var readings = new List<FeatureReading>
        {
            new()
            {
                Kind = FeatureSourceKind.TextLayer, Version = version, Features = TextLayerFeatures.From(pages), At = at,
                Source = new FeatureSource(FeatureSourceKind.TextLayer, material?.Source.Page, material?.Source.Box, material?.Confidence),
            },
        };
        if (ModelFeatures.Of(document) is { } model)
        {
            readings.Add(new FeatureReading { Kind = FeatureSourceKind.Model, Version = version, Features = model.Set, Source = model.Source, At = at });
        }

        return readings;
    }

    private async Task<DocumentEstimate> WithPlanAsync(
        DocumentEstimate document, List<FeatureReading> readings, int version, IReadOnlyList<PlanAcceptance>? acceptances, CancellationToken cancellationToken)
    {
        var merged = Merge(readings);
        var features = new DocumentFeatures { Version = version, Merged = merged.Features, Conflicts = merged.Conflicts, Readings = readings, Acceptances = acceptances };
        return document with { Features = features, Plan = await PlanOfAsync(merged.Features, version, calibrated: true, cancellationToken) };
    }

    /// <summary>The readings merged: the text layer's and the model's, and the newest of the estimator's.</summary>
    private static MergedFeatures Merge(List<FeatureReading> readings)
    {
        var sets = readings.Where(r => r.Kind != FeatureSourceKind.Estimator).Select(Sourced).ToList();
        if (readings.LastOrDefault(r => r.Kind == FeatureSourceKind.Estimator) is { } estimator)
        {
            sets.Add(Sourced(estimator));
        }

        return FeatureMerge.Merge(sets);
    }

    private async Task<DocumentPlan> PlanOfAsync(FeatureSet merged, int version, bool calibrated, CancellationToken cancellationToken)
    {
        var cutting = await cuttingData.CurrentAsync(cancellationToken);
        var centres = await workCentres.CurrentAsync(cancellationToken);
        var plan = new DocumentPlan { FeaturesVersion = version, CuttingDataVersion = cutting.Value?.Version, WorkCentresVersion = centres.Value?.Version };
        if ((cutting.Error ?? centres.Error) is { } rejected)
        {
            return plan with { NotMade = new PlanNotMade(rejected.Code, $"The shop's override was rejected: {rejected.Message}") };
        }

        if (merged.Features.Count == 0)
        {
            return plan with
            {
                NotMade = new PlanNotMade(
                    PlanNotMade.NoFeatures,
                    "Neither the text layer nor the model named a feature to machine (holes, threads, chamfers, …); an estimator can enter them."),
            };
        }

        var routing = new ProcessPlanner(cutting.Value!, centres.Value!).Plan(merged);
        return plan with
        {
            Routing = calibrated && await calibration.CurrentAsync(cancellationToken) is { } factors ? factors.Apply(routing) : routing,
        };
    }

    private static SourcedFeatureSet Sourced(FeatureReading reading) => new(reading.Features, reading.Source ?? new FeatureSource(reading.Kind));

    /// <summary>What the estimator sends is the estimator's: each feature keeps the page and box it names, and ranks as the estimator.</summary>
    private static FeatureSet AsEstimators(FeatureSet features) => features with
    {
        Features = features.Features.Select(f => f with { Source = new FeatureSource(FeatureSourceKind.Estimator, f.Source?.Page, f.Source?.Box) }).ToList(),
    };

    private static List<FeatureReading> Trimmed(List<FeatureReading> readings)
    {
        var estimator = readings.Where(r => r.Kind == FeatureSourceKind.Estimator).ToList();
        return estimator.Count <= MaxEstimatorReadings
            ? readings
            : [.. readings.Where(r => r.Kind != FeatureSourceKind.Estimator), .. estimator.Skip(estimator.Count - MaxEstimatorReadings)];
    }
}
