using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Core.Json;
using TimeVision.Core.ModelOps.Retirement;
using TimeVision.Hosting.Local;

namespace TimeVision.Cli.Commands;

/// <summary>
/// One estimate run on this machine, for <c>estimate</c> and <c>retry</c>: one host; the intake asked first, so the
/// local Durable Task engine starts only when something will run; progress on stderr; the stored document at the end.
/// Exit 0 completed, 3 partial or failed pages, 2 bad input, 1 other failure.
/// </summary>
internal static class LocalEstimateRun
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Where and how the run writes.</summary>
    public sealed record Output(bool Json, TextWriter Stdout, TextWriter Stderr);

    /// <summary>Runs one estimate.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="overrides">Configuration from the command line.</param>
    /// <param name="displayName">The document's name in progress lines.</param>
    /// <param name="precheck">The intake's answer before the engine starts, when nothing needs to run.</param>
    /// <param name="submit">Submits the document once the engine runs.</param>
    /// <param name="alreadyEstimated">What to tell a person when the stored estimate stands.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<int> RunAsync(
        Output output,
        Dictionary<string, string?> overrides,
        string displayName,
        Func<DocumentIntake, CancellationToken, Task<IntakeOutcome?>> precheck,
        Func<DocumentIntake, DurableTaskClient, CancellationToken, Task<IntakeOutcome>> submit,
        Func<DocumentEstimate, string> alreadyEstimated,
        CancellationToken cancellationToken)
    {
        var slot = new LocalEngineSlot();
        using var host = await CliHost.TryBuildAsync(overrides, output.Stdout, output.Stderr, services => AddDurableTask(services, slot), cancellationToken);
        if (host is null)
        {
            return ExitCodes.BadInput;
        }

        var services = host.Services;
        var intake = services.GetRequiredService<DocumentIntake>();
        var store = services.GetRequiredService<IEstimateStore>();
        var early = await precheck(intake, cancellationToken);
        if (early is not null && !await services.GetRequiredService<UnfinishedRuns>().AnyAsync(cancellationToken))
        {
            return await WriteEarlyAsync(services, early, store, output, alreadyEstimated, cancellationToken);
        }

        try
        {
            await services.GetRequiredService<LocalRecovery>().LockDataFolderAsync("estimate", output.Stderr, cancellationToken);
        }
        catch (DataFolderInUseException exception)
        {
            return CliOutput.WriteError(output.Stdout, output.Stderr, DataFolderInUseException.Code, exception.Message, ExitCodes.BadInput);
        }

        await using var engine = await slot.StartAsync(services, cancellationToken);
        await host.StartAsync(cancellationToken);
        try
        {
            var client = services.GetRequiredService<DurableTaskClient>();
            if (await FinishResumedAsync(services, client, output.Stderr, cancellationToken))
            {
                early = await precheck(intake, cancellationToken); // a resumed run may have been this very document
            }

            return early is not null
                ? await WriteEarlyAsync(services, early, store, output, alreadyEstimated, cancellationToken)
                : await RunSubmittedAsync(services, client, await submit(intake, client, cancellationToken), output, displayName, alreadyEstimated, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Follows the runs an earlier process left unfinished, resumed as the host started, to their end; whether there were any.</summary>
    private static async Task<bool> FinishResumedAsync(IServiceProvider services, DurableTaskClient client, TextWriter stderr, CancellationToken cancellationToken)
    {
        var resumed = services.GetRequiredService<LocalRecovery>().Resumed;
        foreach (var id in resumed)
        {
            await stderr.WriteLineAsync($"{id}: its run did not finish when the last process stopped; resuming it from its stored pages.");
            await FollowAsync(client, id, id[..12], stderr, cancellationToken);
        }

        return resumed.Count > 0;
    }

    /// <summary>Follows a submitted document to its stored estimate and writes it.</summary>
    private static async Task<int> RunSubmittedAsync(
        IServiceProvider services,
        DurableTaskClient client,
        IntakeOutcome outcome,
        Output output,
        string displayName,
        Func<DocumentEstimate, string> alreadyEstimated,
        CancellationToken cancellationToken)
    {
        var (json, stdout, stderr) = output;
        var store = services.GetRequiredService<IEstimateStore>();
        if (outcome.Status is IntakeStatus.AlreadyEstimated or IntakeStatus.Rejected)
        {
            return await WriteEarlyAsync(services, outcome, store, output, alreadyEstimated, cancellationToken);
        }

        if (outcome.Notice is { } notice)
        {
            await stderr.WriteLineAsync($"note: {notice}");
        }

        if (outcome.RetryPages is { Count: > 0 } retryPages)
        {
            await stderr.WriteLineAsync($"{displayName}: trying again the page(s) that failed for a cause a retry can fix: {string.Join(", ", retryPages)}; the other pages keep their stored results.");
        }

        var documentId = outcome.DocumentId!;
        var final = await FollowAsync(client, documentId, displayName, stderr, cancellationToken);
        if (final.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            var failure = final.FailureDetails?.ErrorMessage ?? final.RuntimeStatus.ToString();
            return CliOutput.WriteError(stdout, stderr, "pipeline_failed", $"The estimate did not finish: {failure}", ExitCodes.Failure);
        }

        var document = await store.GetAsync(documentId, cancellationToken)
            ?? throw new InvalidOperationException($"The pipeline finished but document {documentId} is not stored.");
        await WarnOfRetirementAsync(services, document, stderr, cancellationToken);
        return await DocumentOutput.WriteAsync(services, document, json, stdout, cancellationToken);
    }

    /// <summary>An intake that ends before any estimate runs: the stored estimate, or the refusal with exit 2 (5 when today's budget is spent).</summary>
    private static async Task<int> WriteEarlyAsync(
        IServiceProvider services,
        IntakeOutcome outcome, IEstimateStore store, Output output, Func<DocumentEstimate, string> alreadyEstimated, CancellationToken cancellationToken)
    {
        if (outcome.Error is { } error)
        {
            return CliOutput.WriteError(
                output.Stdout, output.Stderr, error.Code, error.Message, error.Code is IntakeError.DailyBudgetSpent or IntakeError.BudgetBelowPageCost ? ExitCodes.BudgetSpent : ExitCodes.BadInput);
        }

        var stored = (await store.GetAsync(outcome.DocumentId!, cancellationToken))!;
        if (outcome.Notice is { } notice)
        {
            await output.Stderr.WriteLineAsync($"note: {notice}");
        }

        await output.Stderr.WriteLineAsync(alreadyEstimated(stored));
        return await DocumentOutput.WriteAsync(services, stored, output.Json, output.Stdout, cancellationToken);
    }

    /// <summary>A warning on stderr for each answering model that retires within 60 days.</summary>
    private static async Task WarnOfRetirementAsync(IServiceProvider services, DocumentEstimate document, TextWriter stderr, CancellationToken cancellationToken)
    {
        foreach (var model in document.Pages.Select(p => p.Result?.Model).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var retirement = await services.GetRequiredService<ModelRetirement>().GetAsync(model, cancellationToken);
            if (retirement is { IsNear: true, RetiresOn: { } date })
            {
                await stderr.WriteLineAsync(
                    $"warning: {model} retires on {date:yyyy-MM-dd} ({retirement.DaysLeft} days left; {JsonCode.Of(retirement.Source)}). Move to another model before then: README, 'Moving off a retiring model'.");
            }
        }
    }

    /// <summary>The local engine's recovery, worker and client, for a command that runs durable tasks.</summary>
    public static void AddDurableTask(IServiceCollection services, LocalEngineSlot slot) =>
        services.AddLocalRecovery().AddLocalDurableTask(slot);

    /// <summary>Waits for the orchestration, printing each change of its progress to stderr.</summary>
    public static async Task<OrchestrationMetadata> FollowAsync(
        DurableTaskClient client, string instanceId, string displayName, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? lastProgress = null;
        while (true)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
                ?? throw new InvalidOperationException($"Orchestration {instanceId} vanished.");
            var progress = state.ReadCustomStatusAs<PipelineProgress>();
            var line = progress is null ? null : ProgressLine(displayName, progress);
            if (line is not null && line != lastProgress)
            {
                await stderr.WriteLineAsync(line);
                lastProgress = line;
            }

            if (state.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
            {
                return state;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static string ProgressLine(string displayName, PipelineProgress progress) => progress.Stage switch
    {
        PipelineStage.Inspecting => $"{displayName}: {JsonCode.Of(progress.Stage)}",
        _ => $"{displayName}: rendered {progress.PagesRendered}/{progress.PageCount}, estimated {progress.PagesEstimated}/{progress.PageCount}"
            + (progress.Stage == PipelineStage.Estimating ? string.Empty : $", {JsonCode.Of(progress.Stage)}"),
    };
}
