using Microsoft.Extensions.Configuration;

namespace TimeVision.Core.Models;

/// <summary>Where the model in use came from.</summary>
public enum ModelSource
{
    /// <summary><c>Vision:Model</c> is set: explicit configuration wins over the registry.</summary>
    Configuration,

    /// <summary>Switched on in the registry with <c>model activate</c>.</summary>
    Registry,

    /// <summary>Nothing chose one: TimeVision's default.</summary>
    Default,
}

/// <summary>
/// The model new estimates use: <c>Vision:Model</c> when configured, else the registry's active model, else the default.
/// The registry is read at most every <see cref="CacheFor"/>, so a running app follows an activation within a minute,
/// without a restart.
/// </summary>
public sealed class ActiveModel
{
    /// <summary>The model used when nothing chooses one.</summary>
    public const string DefaultModel = "gpt-4o-2024-08-06";

    /// <summary>How long a registry read is trusted.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly IModelRegistry _registry;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private (string? Model, DateTimeOffset ReadAt)? _cached;

    /// <summary>Creates the resolver.</summary>
    public ActiveModel(IModelRegistry registry, IConfiguration configuration, TimeProvider time)
    {
        _registry = registry;
        _configuration = configuration;
        _time = time;
    }

    /// <summary>Drops the cached registry read, so this process sees an activation at once.</summary>
    public void Invalidate() => _cached = null;

    /// <summary>The model to use and where it came from.</summary>
    public async Task<(string Model, ModelSource Source)> ResolveAsync(CancellationToken cancellationToken)
    {
        var configured = _configuration[$"{Vision.VisionOptions.SectionName}:{nameof(Vision.VisionOptions.Model)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, ModelSource.Configuration);
        }

        var now = _time.GetUtcNow();
        if (_cached is not { } cached || now - cached.ReadAt > CacheFor)
        {
            cached = ((await _registry.GetAsync(cancellationToken)).ActiveModel, now);
            _cached = cached;
        }

        return cached.Model is { } active ? (active, ModelSource.Registry) : (DefaultModel, ModelSource.Default);
    }
}
