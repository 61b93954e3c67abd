using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Spend;
using TimeVision.Core.ModelOps.Retirement;

namespace TimeVision.Core.ModelOps.ModelCheck;

/// <summary>
/// Checks a model before a switch: the first page of each sample drawing goes to it once, worded as configured. When
/// the server rejects a parameter, the check words the request again without it (strict schema, then plain schema,
/// JSON mode, no format; no temperature; no token cap) to find what works and says which setting to change. A model
/// is usable only when its configured wording works on every sample. A model whose prompt set reads features is asked
/// for them as the pipeline asks, so each call also says how many features the reply read in that wording. Besides
/// the minutes samples, the first sample's first page is read once as the features task asks (the <c>reading</c>
/// prompt, <see cref="OpenAIFeatureReader"/>), worded as configured: whether the model can serve as a reader, which
/// does not decide whether it can take over the estimates.
/// </summary>
public sealed class ModelCheckService(
    IPdfInspector inspector,
    IPageRenderer renderer,
    DrawingFactsReader facts,
    OpenAIVisionEstimator estimator,
    OpenAIFeatureReader reader,
    ModelRetirement retirement,
    IOptionsMonitor<VisionOptions> vision,
    IOptionsMonitor<ModelPriceOptions> prices,
    IOptionsMonitor<ModelCheckOptions> options)
{
    private const int MaxWordings = 6;

    /// <summary>Checks <paramref name="model"/> on every sample.</summary>
    /// <exception cref="InvalidOperationException">The samples are missing or do not render: the installation is broken.</exception>
    /// <exception cref="ArgumentException">The id breaks <see cref="ModelIds.Problem"/>'s rule; hosts ask it first.</exception>
    public async Task<ModelCheckReport> CheckAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (ModelIds.Problem(model) is { } problem)
        {
            throw new ArgumentException(problem, nameof(model));
        }

        var configured = vision.CurrentValue;
        var settings = configured.For(model);
        var calls = new List<ModelCheckCall>();
        ModelCheckReading? reading = null;
        foreach (var sample in Samples())
        {
            var (png, facts) = await RenderFirstPageAsync(sample, settings.MaxImageLongSidePx, cancellationToken);
            calls.Add(await CallAsync(Path.GetFileName(sample), png, facts, settings, cancellationToken));
            reading ??= await ReadAsync(Path.GetFileName(sample), png, settings, cancellationToken);
        }

        var usable = calls.All(c => c.Status == "ok" && c.ConfiguredDialectWorked);
        return new ModelCheckReport(
            model,
            EndpointKinds.Of(configured.Endpoint),
            usable,
            settings.Dialect.ToString(),
            calls,
            usable ? [] : Advice(settings, calls),
            await retirement.GetAsync(model, cancellationToken))
        {
            Reading = reading,
        };
    }

    /// <summary>The features sample: the page read as the features task reads it, in the configured wording.</summary>
    private async Task<ModelCheckReading> ReadAsync(string sample, BinaryData png, ModelCallSettings settings, CancellationToken cancellationToken)
    {
        var result = await reader.ReadPartAsync([png], settings.ModelId, cancellationToken);
        return new ModelCheckReading(
            sample,
            StatusOf(result),
            result.Error?.Message,
            result.Error is { } error ? Json.JsonCode.Of(error.Code) : null,
            result.Status == PageEstimateStatus.Completed ? result.Features?.Features.Count ?? 0 : null,
            result.Warnings,
            result.LatencyMs,
            result.InputTokens,
            result.OutputTokens,
            prices.CurrentValue.PriceOf(settings.ModelId)?.Cost(result.InputTokens, result.OutputTokens));
    }

    private async Task<ModelCheckCall> CallAsync(string sample, BinaryData png, PageFacts? facts, ModelCallSettings settings, CancellationToken cancellationToken)
    {
        var dialect = settings.Dialect;
        var rejected = new List<string>();
        long latency = 0, input = 0, output = 0;
        while (true)
        {
            var result = await estimator.EstimatePageAsync(png, settings.ModelId, facts, dialect, examples: null, cancellationToken);
            (latency, input, output) = (latency + result.LatencyMs, input + result.InputTokens, output + result.OutputTokens);
            var next = result.Error is { Code: VisionErrorCode.UnsupportedParameter, Parameter: { } parameter } ? Without(dialect, parameter) : null;
            if (next is not null && rejected.Count < MaxWordings)
            {
                rejected.Add($"{dialect}: rejected '{result.Error!.Parameter}'");
                dialect = next;
                continue;
            }

            return new ModelCheckCall(
                sample,
                StatusOf(result),
                result.Error?.Message,
                result.Error is { } error ? Json.JsonCode.Of(error.Code) : null,
                Accepted: result.Attempts > 0 && result.Error?.Code is not (VisionErrorCode.UnsupportedParameter or VisionErrorCode.RequestRejected or VisionErrorCode.Unauthorized
                    or VisionErrorCode.NetworkError or VisionErrorCode.Timeout or VisionErrorCode.RateLimited or VisionErrorCode.ServiceError),
                ReplyValid: result.Status == PageEstimateStatus.Completed,
                ReplyFormats.NameOf(dialect.ResponseFormat),
                dialect.ToString(),
                ConfiguredDialectWorked: result.Status == PageEstimateStatus.Completed && dialect == settings.Dialect,
                rejected,
                result.Warnings,
                latency,
                input,
                output,
                prices.CurrentValue.PriceOf(settings.ModelId)?.Cost(input, output),
                result.Estimate?.EstimatedTimeMin,
                result.Features?.Features.Count);
        }
    }

    /// <summary>The same wording without what the server rejected; <see langword="null"/> when nothing is left to drop.</summary>
    private static ModelDialect? Without(ModelDialect dialect, string parameter) => parameter switch
    {
        "temperature" when dialect.Temperature is not null => dialect with { Temperature = null },
        "max_completion_tokens" or "max_tokens" when dialect.MaxOutputTokens is not null => dialect with { MaxOutputTokens = null },
        "reasoning_effort" when dialect.ReasoningEffort is not null => dialect with { ReasoningEffort = null },
        "additionalProperties" or "response_format" or "json_schema" when dialect.ResponseFormat != ReplyFormat.None =>
            dialect with { ResponseFormat = RejectedParameter.Weaker(dialect.ResponseFormat) },
        _ => null,
    };

    private static string StatusOf(PageEstimateResult result) => result switch
    {
        { Status: PageEstimateStatus.Completed } => "ok",
        { Status: PageEstimateStatus.Blocked } => "refused",
        { Error.Code: VisionErrorCode.InvalidReply } => "invalid_reply",
        { Error.Code: VisionErrorCode.NetworkError or VisionErrorCode.Timeout } => "unreachable",
        _ => "rejected",
    };

    /// <summary>The settings that would make the configured wording the one that worked.</summary>
    private static List<string> Advice(ModelCallSettings settings, IReadOnlyList<ModelCheckCall> calls)
    {
        var worked = calls.FirstOrDefault(c => c.Status == "ok" && !c.ConfiguredDialectWorked);
        if (worked is null)
        {
            return [];
        }

        var advice = new List<string>();
        if (worked.Dialect != ReplyFormats.NameOf(settings.Dialect.ResponseFormat))
        {
            advice.Add($"Set {settings.HowToSet("ResponseFormat", worked.Dialect)}.");
        }

        if (worked.DialectDetail.Contains("no temperature", StringComparison.Ordinal) && settings.Dialect.Temperature is not null)
        {
            advice.Add($"Set {settings.HowToSet("Temperature", ModelCallSettings.NotSent)}.");
        }

        if (worked.DialectDetail.Contains("no token cap", StringComparison.Ordinal) && settings.Dialect.MaxOutputTokens is not null)
        {
            advice.Add($"Set {settings.HowToSet("MaxOutputTokens", "0")}.");
        }

        if (!worked.DialectDetail.Contains("reasoning effort", StringComparison.Ordinal) && settings.Dialect.ReasoningEffort is not null)
        {
            advice.Add($"Set {settings.HowToSet("ReasoningEffort", "none")}.");
        }

        advice.Add($"Then run 'timevision model check {settings.ModelId}' again.");
        return advice;
    }

    private List<string> Samples()
    {
        var folder = options.CurrentValue.SamplesDirectory;
        var samples = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.pdf").Order(StringComparer.Ordinal).ToList() : [];
        return samples.Count > 0
            ? samples
            : throw new InvalidOperationException($"No sample drawings in {folder}: the installation is incomplete (ModelCheck:SamplesDirectory).");
    }

    /// <summary>The sample's first page at the size the checked model is sent, and its facts.</summary>
    private async Task<(BinaryData Png, PageFacts? Facts)> RenderFirstPageAsync(string sample, int maxLongSidePx, CancellationToken cancellationToken)
    {
        var inspection = await inspector.InspectAsync(sample, cancellationToken);
        if (!inspection.Succeeded)
        {
            throw new InvalidOperationException($"The sample {Path.GetFileName(sample)} cannot be read: {inspection.Error.Message}");
        }

        using var png = new MemoryStream();
        var rendered = await renderer.RenderPageAsync(sample, inspection.Value.Pages[0], maxLongSidePx, png, cancellationToken);
        if (!rendered.Succeeded)
        {
            throw new InvalidOperationException($"The sample {Path.GetFileName(sample)} does not render: {rendered.Error.Message}");
        }

        var read = await facts.ReadPageAsync(sample, inspection.Value.Pages[0], cancellationToken);
        return (BinaryData.FromBytes(png.ToArray()), read.Value);
    }
}
