using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision.Spend;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// What the retry timer does: starts a retry of each document with retryable pages whose wait is over (the wait doubles
/// with every retry, up to <see cref="RetryOptions.MaxDelay"/>), until <see cref="RetryOptions.DailyCap"/> retries were
/// started today over all instances. While today's model budget is spent it starts none: the pages wait for the next day.
/// </summary>
public sealed partial class RetrySweep(
    IEstimateStore estimates,
    IDailyTotals totals,
    DocumentIntake intake,
    VisionBudget budget,
    IOptionsMonitor<RetryOptions> options,
    TimeProvider time,
    ILogger<RetrySweep> logger)
{
    /// <summary>The daily total that counts automatic retries started.</summary>
    public const string DailyTotalName = "automatic-retries";

    /// <summary>Starts the retries that are due; returns the ids of the documents it started.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var retry = options.CurrentValue;
        var started = new List<string>();
        if (!retry.Enabled)
        {
            return started;
        }

        if (await budget.CheckDailyAsync(cancellationToken) is { } spent)
        {
            BudgetSpentWait(logger, spent.OpensAt);
            return started;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await foreach (var id in estimates.ListRetryableAsync(cancellationToken))
        {
            var document = await estimates.GetAsync(id, cancellationToken);
            if (document is not { RetryablePages.Count: > 0 })
            {
                await estimates.ForgetRetryableAsync(id, cancellationToken);
                continue;
            }

            if (document.Retries >= retry.MaxAttempts
                || (document.CompletedAt ?? document.CreatedAt) + retry.DelayAfter(document.Retries) > now)
            {
                continue;
            }

            if (!await totals.TryAddAsync(DailyTotalName, today, 1, retry.DailyCap, cancellationToken))
            {
                DailyCapReached(logger, retry.DailyCap);
                break;
            }

            var outcome = await intake.RetryAsync(id, client, cancellationToken);
            RetryStarted(logger, id, document.RetryablePages.Count, document.Retries + 1, outcome.Status);
            if (outcome.Started)
            {
                started.Add(id);
            }
        }

        return started;
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Automatic retry of document {DocumentId} ({Pages} pages, retry {Retry}): {Status}")]
    private static partial void RetryStarted(ILogger logger, string documentId, int pages, int retry, IntakeStatus status);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "Today's model budget is spent (Vision:DailyBudgetUsd); automatic retries wait until {OpensAt:u}")]
    private static partial void BudgetSpentWait(ILogger logger, DateTimeOffset opensAt);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "The daily cap of {Cap} automatic retries is reached; the rest wait for tomorrow (Retry:DailyCap)")]
    private static partial void DailyCapReached(ILogger logger, int cap);
}
