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
public sealed class ModelInfoService(
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
    /// <summary>The model info.</summary>
    public async Task<ModelInfo> GetAsync(CancellationToken cancellationToken)
    {
        var (model, source) = await active.ResolveAsync(cancellationToken);
        var prompt = prompts.ForModel(model);
        var state = await registry.GetAsync(cancellationToken);
        var retires = await retirement.GetAsync(model, cancellationToken);
        return new ModelInfo
        {
            RetiresOn = retires.RetiresOn,
            DaysLeft = retires.DaysLeft,
            RetirementSource = retires.Source,
            ActiveModel = model,
            Source = source,
            FineTuned = ModelIds.IsFineTuned(model),
            Provider = ModelIds.ProviderTag(model),
            BaseModel = BaseOf(model),
            PromptSetId = prompt.Id,
            PromptVersion = prompt.Version,
            EndpointKind = EndpointKinds.Of(vision.CurrentValue.Endpoint),
            Candidates = state.Candidates,
            LatestFineTuneJob = await jobs.ListAsync(cancellationToken) is [.., var latest] ? latest : null,
            EstimatesByModel = await estimates.CountByModelAsync(cancellationToken),
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

        var checkResult = force || ModelIds.IsLocal(modelId) ? null : await check.CheckAsync(modelId.Trim(), cancellationToken);
        if (checkResult is { Usable: false })
        {
            return new ModelActivation(false, null, checkResult);
        }

        return new ModelActivation(true, await ActivateAsync(modelId, cancellationToken), checkResult);
    }

    /// <summary>Switches the registry's active model with no check; configuration (<c>Vision:Model</c>) still wins.</summary>
    public async Task<ModelRegistryState> ActivateAsync(string modelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (ModelIds.Problem(modelId.Trim()) is { } problem)
        {
            throw new ArgumentException(problem, nameof(modelId));
        }

        var state = await registry.GetAsync(cancellationToken);
        var updated = state with { ActiveModel = modelId.Trim(), ActivatedAt = time.GetUtcNow() };
        await registry.SaveAsync(updated, state.ETag, cancellationToken);
        active.Invalidate();
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
