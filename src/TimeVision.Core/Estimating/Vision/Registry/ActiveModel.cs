using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision.Registry;

/// <summary>Where the model in use came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelSource>))]
public enum ModelSource
{
    /// <summary><c>Vision:Model</c> is set: explicit configuration wins over the registry.</summary>
    [JsonStringEnumMemberName("configuration")]
    Configuration,

    /// <summary>Switched on in the registry with <c>model activate</c>.</summary>
    [JsonStringEnumMemberName("registry")]
    Registry,

    /// <summary>Nothing chose one: TimeVision's default.</summary>
    [JsonStringEnumMemberName("default")]
    Default,
}

/// <summary>
/// The model new estimates use: <c>Vision:Model</c> when configured, else the registry's active model, else the default.
/// The registry is read at most every <see cref="CacheFor"/>, so a running app follows an activation within a minute,
/// without a restart. Safe to share between threads: the last registry read is one immutable record, replaced whole.
/// </summary>
/// <param name="registry">The model registry, for the active model.</param>
/// <param name="vision"><c>Vision:Model</c>, which overrides the registry when set.</param>
/// <param name="time">The clock the registry cache expires on.</param>
public sealed class ActiveModel(IModelRegistry registry, IOptionsMonitor<VisionOptions> vision, TimeProvider time)
{
    /// <summary>How long a registry read is trusted.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private RegistryRead? _cached;
    private int _generation;

    /// <summary>Drops the cached registry read, so this process sees an activation at once.</summary>
    public void Invalidate()
    {
        // A read already under way when this is called is stored under the old generation, so it is not trusted either.
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _cached, null);
    }

    /// <summary>The model to use and where it came from.</summary>
    public async Task<(string Model, ModelSource Source)> ResolveAsync(CancellationToken cancellationToken)
    {
        var configured = vision.CurrentValue.Model;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, ModelSource.Configuration);
        }

        var now = time.GetUtcNow();
        var generation = Volatile.Read(ref _generation);
        var read = Volatile.Read(ref _cached);
        if (read is null || read.Generation != generation || now - read.ReadAt > CacheFor)
        {
            read = new RegistryRead((await registry.GetAsync(cancellationToken)).ActiveModel, now, generation);
            Volatile.Write(ref _cached, read);
        }

        return read.Model is { } active ? (active, ModelSource.Registry) : (ModelIds.Default, ModelSource.Default);
    }

    /// <summary>One read of the registry: its active model, when it was read, and the <see cref="Invalidate"/> generation it belongs to.</summary>
    private sealed record RegistryRead(string? Model, DateTimeOffset ReadAt, int Generation);
}
