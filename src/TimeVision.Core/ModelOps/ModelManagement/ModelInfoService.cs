using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.ModelOps.ModelCheck;
using TimeVision.Core.ModelOps.Retirement;

namespace TimeVision.Core.ModelOps.ModelManagement;

/// <summary>Reports the model in use and switches it.</summary>
public sealed class ModelInfoService
{
    private readonly ActiveModel _active;
    private readonly IModelRegistry _registry;
    private readonly IEstimateStore _estimates;
    private readonly IFineTuneJobStore _jobs;
    private readonly PromptCatalog _prompts;
    private readonly IOptionsMonitor<VisionOptions> _vision;
    private readonly ModelRetirement _retirement;
    private readonly ModelCheckService _check;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public ModelInfoService(
        ActiveModel active,
        IModelRegistry registry,
        IEstimateStore estimates,
        IFineTuneJobStore jobs,
        PromptCatalog prompts,
        IOptionsMonitor<VisionOptions> vision,
        ModelRetirement retirement,
        ModelCheckService check,
        TimeProvider time)
    {
        _active = active;
        _registry = registry;
        _estimates = estimates;
        _jobs = jobs;
        _prompts = prompts;
        _vision = vision;
        _retirement = retirement;
        _check = check;
        _time = time;
    }

    /// <summary>The model info.</summary>
    public async Task<ModelInfo> GetAsync(CancellationToken cancellationToken)
    {
        var (model, source) = await _active.ResolveAsync(cancellationToken);
        var prompt = _prompts.ForModel(model);
        var registry = await _registry.GetAsync(cancellationToken);
        var retirement = await _retirement.GetAsync(model, cancellationToken);
        return new ModelInfo
        {
            RetiresOn = retirement.RetiresOn,
            DaysLeft = retirement.DaysLeft,
            RetirementSource = retirement.Source,
            ActiveModel = model,
            Source = source,
            FineTuned = ModelIds.IsFineTuned(model),
            Provider = ModelIds.ProviderTag(model),
            BaseModel = BaseOf(model),
            PromptSetId = prompt.Id,
            PromptVersion = prompt.Version,
            EndpointKind = EndpointKinds.Of(_vision.CurrentValue.Endpoint),
            Candidates = registry.Candidates,
            LatestFineTuneJob = await _jobs.ListAsync(cancellationToken) is [.., var latest] ? latest : null,
            EstimatesByModel = await _estimates.CountByModelAsync(cancellationToken),
        };
    }

    /// <summary>
    /// Checks <paramref name="modelId"/> on the sample drawings and, when it is usable (or <paramref name="force"/>),
    /// switches the registry's active model; configuration (<c>Vision:Model</c>) still wins. The offline estimate needs
    /// no check.
    /// </summary>
    /// <param name="modelId">The model to switch on.</param>
    /// <param name="force">Switch even when the check fails, and skip it.</param>
    /// <param name="cancellationToken">Cancels the check and the write.</param>
    /// <exception cref="ArgumentException">The id breaks <see cref="ModelIds.Problem"/>'s rule; hosts ask it first.</exception>
    public async Task<ModelActivation> ActivateCheckedAsync(string modelId, bool force, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (ModelIds.Problem(modelId.Trim()) is { } problem)
        {
            throw new ArgumentException(problem, nameof(modelId));
        }

        var check = force || ModelIds.IsLocal(modelId) ? null : await _check.CheckAsync(modelId.Trim(), cancellationToken);
        if (check is { Usable: false })
        {
            return new ModelActivation(false, null, check);
        }

        return new ModelActivation(true, await ActivateAsync(modelId, cancellationToken), check);
    }

    /// <summary>Switches the registry's active model with no check; configuration (<c>Vision:Model</c>) still wins.</summary>
    public async Task<ModelRegistryState> ActivateAsync(string modelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (ModelIds.Problem(modelId.Trim()) is { } problem)
        {
            throw new ArgumentException(problem, nameof(modelId));
        }

        var registry = await _registry.GetAsync(cancellationToken);
        var updated = registry with { ActiveModel = modelId.Trim(), ActivatedAt = _time.GetUtcNow() };
        await _registry.SaveAsync(updated, registry.ETag, cancellationToken);
        _active.Invalidate();
        return updated;
    }

    /// <summary><c>ft:gpt-4o-2024-08-06:org::id</c> → <c>gpt-4o-2024-08-06</c>; other ids are their own base.</summary>
    public static string BaseOf(string modelId) => ModelFamilies.BaseOf(modelId);

}

/// <summary>What <see cref="ModelInfoService.ActivateCheckedAsync"/> did.</summary>
/// <param name="Activated">The model was switched on.</param>
/// <param name="Registry">The registry after the switch.</param>
/// <param name="Check">The check it ran; <see langword="null"/> when forced or offline.</param>
public sealed record ModelActivation(bool Activated, ModelRegistryState? Registry, ModelCheckReport? Check);
