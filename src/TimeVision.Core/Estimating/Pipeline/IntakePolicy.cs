using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Estimating.Vision.Spend;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>What the intake policy decided before anything runs.</summary>
/// <param name="Outcome">The answer when nothing is to run (kept, refused); <see langword="null"/> when it starts.</param>
/// <param name="Model">The model to run with, when it starts.</param>
/// <param name="Notice">Something a person should know, such as the offline estimate standing in for a model.</param>
/// <param name="RetryPages">When it is a retry, the pages that run again.</param>
public sealed record IntakeDecision(IntakeOutcome? Outcome, ModelId? Model = null, string? Notice = null, IReadOnlyList<int>? RetryPages = null);

/// <summary>
/// The intake's decisions, the same for every host: whether a document runs (a stored estimate is kept unless forced or
/// it has retryable pages), with which model (<see cref="ChooseModelAsync"/>), and whether today's budget lets it.
/// </summary>
/// <param name="estimates">The stored estimates.</param>
/// <param name="activeModel">The model in use.</param>
/// <param name="access">The missing-key rule.</param>
/// <param name="budget">The daily model budget.</param>
public sealed class IntakePolicy(IEstimateStore estimates, ActiveModel activeModel, ModelAccess access, VisionBudget budget)
{
    /// <summary>What a person is told when no model can be reached and none was named.</summary>
    public const string OfflineNotice =
        "No model endpoint is configured (OPENAI_API_KEY, or Entra ID for an Azure OpenAI endpoint), so this is the offline estimate: " +
        "read from the drawing's text layer with the reference tables, low confidence, no model. Configure a key for the vision model's estimate.";

    /// <summary>
    /// The model an estimate starts with, the same in every host: the active model when it can be reached; the offline
    /// estimate with <see cref="OfflineNotice"/> when no model can be reached and none was named; an error when one was.
    /// </summary>
    public async Task<(ModelId? Model, string? Notice, IntakeError? Error)> ChooseModelAsync(CancellationToken cancellationToken)
    {
        var (configured, source) = await activeModel.ResolveAsync(cancellationToken);
        var model = ModelId.Parse(configured);
        if (NotAPageEstimator(model) is { } notEstimator)
        {
            return (null, null, notEstimator);
        }

        if (access.Check(model) is not { } denied)
        {
            return (model, null, null);
        }

        return source == ModelSource.Configuration
            ? (null, null, new IntakeError(denied.Code, denied.Message))
            : (ModelId.Offline, OfflineNotice, null);
    }

    private static IntakeError? NotAPageEstimator(ModelId model) => model.Kind switch
    {
        ModelKind.Engine => new IntakeError(
            IntakeError.NotAPageEstimator,
            $"'{model}' does not estimate pages: the engine's plan is made for every estimate from the features read (timevision plan <id>; " +
            "Estimate:Method chooses which number heads). Estimate with a model, 'offline' or 'history'.")
        {
            Params = Json.MessageParams.Of(("model", model.ToString())),
        },
        ModelKind.Calibrated => new IntakeError(
            IntakeError.NotAPageEstimator,
            $"'{model}' does not estimate pages: a calibration corrects its base model's estimate and is applied to it whenever one exists. " +
            $"Estimate with '{model.CalibrationOf}'.")
        {
            Params = Json.MessageParams.Of(("model", model.ToString()), ("baseModel", model.CalibrationOf?.ToString())),
        },
        _ => null,
    };

    /// <summary>
    /// The decision before anything runs: a stored estimate is kept unless forced or it has retryable pages (then only
    /// those run; an imported document, which no model has seen, runs every page, and only when a model can be reached:
    /// the offline estimate never stands in for a model's retry); the model is chosen or refused. With
    /// <paramref name="refuseOverBudget"/> (a caller that can be told to come back), a model estimate is refused while
    /// today's budget is spent or while a budget is set below one page's cost; a blob drop, which nobody waits on,
    /// starts and its pages wait as <c>budget_spent</c> for the retry timer.
    /// </summary>
    public async Task<IntakeDecision> DecideAsync(string id, bool force, bool refuseOverBudget, CancellationToken cancellationToken)
    {
        IReadOnlyList<int>? retryPages = null;
        if (!force && await estimates.GetAsync(id, cancellationToken) is { Status: not DocumentStatus.Imported } stored)
        {
            retryPages = stored.RetryablePages;
            if (retryPages.Count == 0)
            {
                return new IntakeDecision(new IntakeOutcome(IntakeStatus.AlreadyEstimated, id));
            }
        }

        var (model, notice, error) = await ChooseModelAsync(cancellationToken);
        if (error is not null)
        {
            return new IntakeDecision(IntakeOutcome.Refused(id, error));
        }

        if (refuseOverBudget && model is { IsLocal: false } && await BudgetRefusalAsync(model, cancellationToken) is { } refused)
        {
            return new IntakeDecision(IntakeOutcome.Refused(id, refused));
        }

        return retryPages is not null && notice is not null
            ? new IntakeDecision(new IntakeOutcome(IntakeStatus.AlreadyEstimated, id, Notice: notice))
            : new IntakeDecision(null, model, notice, retryPages);
    }

    private async Task<IntakeError?> BudgetRefusalAsync(ModelId model, CancellationToken cancellationToken)
    {
        if (await budget.CheckDailyAsync(cancellationToken) is { } spent)
        {
            return new IntakeError(IntakeError.DailyBudgetSpent, spent.Message)
            {
                RetryAt = spent.OpensAt,
                Params = Json.MessageParams.Of(("opensAt", spent.OpensAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))),
            };
        }

        return budget.CheckFitsOnePage(model.Value) is { } tooSmall
            ? new IntakeError(IntakeError.BudgetBelowPageCost, tooSmall.Message)
            {
                Params = Json.MessageParams.Of(("budgetUsd", tooSmall.BudgetUsd), ("pageCostUsd", Math.Round(tooSmall.PageCostUsd, 4))),
            }
            : null;
    }
}
