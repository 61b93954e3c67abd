using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Models;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;

namespace TimeVision.Core.ModelOps.Retirement;

/// <summary>
/// Knows when a model retires, taking the first that answers: the provider's own word (the optional
/// <c>shutdown_date</c> of <c>GET /v1/models/{id}</c>, cached for a day), the model's <c>RetiresOn</c> setting, then
/// <see cref="RetirementDefaults"/>. Asking never fails and never waits long: a provider that does not answer within
/// <see cref="LookupTimeout"/> is skipped.
/// </summary>
public sealed partial class ModelRetirement(
    IOptionsMonitor<VisionOptions> options, VisionAccess access, TimeProvider time, ILogger<ModelRetirement> logger, VisionHttpClient? http = null)
{
    /// <summary>How long a provider's answer (or its silence) is trusted.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromDays(1);

    /// <summary>The longest a lookup waits for the provider.</summary>
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(Uri? Endpoint, string Model), (DateOnly? Date, DateTimeOffset ReadAt)> _cache = new();

    /// <summary>When <paramref name="modelId"/> retires, and who says so.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task<RetirementInfo> GetAsync(string modelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        var vision = options.CurrentValue;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        RetirementInfo Info(DateOnly date, RetirementSource source) => new(date, source, date.DayNumber - today.DayNumber);

        if (!ModelIds.IsLocal(modelId) && await FromProviderAsync(vision, modelId, cancellationToken) is { } announced)
        {
            return Info(announced, RetirementSource.Provider);
        }

        if (vision.For(modelId).RetiresOn is { } configured)
        {
            return Info(configured, RetirementSource.Setting);
        }

        return RetirementDefaults.For(modelId, EndpointKinds.Of(vision.Endpoint)) is { } shipped
            ? Info(shipped, RetirementSource.Default)
            : new RetirementInfo(null, RetirementSource.None, null);
    }

    private async Task<DateOnly?> FromProviderAsync(VisionOptions options, string modelId, CancellationToken cancellationToken)
    {
        if (VisionAccess.KindOf(options) == VisionCredentialKind.None)
        {
            return null;
        }

        var key = (options.Endpoint, modelId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && now - cached.ReadAt < CacheFor)
        {
            return cached.Date;
        }

        DateOnly? date = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(LookupTimeout);
            var client = new OpenAIModelClient(access.PolicyFor(options), LookupOptions(options, http));
            var model = await client.GetModelAsync(modelId, timeout.Token);
            date = ShutdownDate(model.GetRawResponse().Content);
        }
        catch (Exception exception) when (exception is ClientResultException or OperationCanceledException or HttpRequestException or JsonException or InvalidOperationException
            && !cancellationToken.IsCancellationRequested)
        {
            Log.LookupFailed(logger, exception, modelId);
        }

        _cache[key] = (date, now);
        return date;
    }

    private static OpenAIClientOptions LookupOptions(VisionOptions options, VisionHttpClient? http)
    {
        var lookup = new OpenAIClientOptions { NetworkTimeout = LookupTimeout, RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };
        if (http is not null)
        {
            lookup.Transport = new HttpClientPipelineTransport(http.Client);
        }

        if (options.Endpoint is not null)
        {
            lookup.Endpoint = options.Endpoint;
        }

        return lookup;
    }

    /// <summary>OpenAI's optional <c>shutdown_date</c> (<c>YYYY-MM-DD</c> or null) on a model object.</summary>
    private static DateOnly? ShutdownDate(BinaryData content)
    {
        using var json = JsonDocument.Parse(content);
        return json.RootElement.TryGetProperty("shutdown_date", out var value) && value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1701, Level = LogLevel.Debug, Message = "The endpoint gave no retirement date for {Model}; settings and defaults decide.")]
        public static partial void LookupFailed(ILogger logger, Exception exception, string model);
    }
}
