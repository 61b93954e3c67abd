using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline.Recovery;

/// <summary>
/// Starts again the runs a crash interrupted (<see cref="RunRecord.IsFinishedBy"/>), from the stored PDF and with the
/// request they were started with: every page whose result was stored before the crash is read back, not asked of the
/// model again. One rule for every host that runs the pipeline on an engine that forgets: <c>serve</c> and
/// <c>estimate</c> at start, and a retry of the document.
/// </summary>
/// <param name="journal">The recorded runs.</param>
/// <param name="estimates">The stored document estimates.</param>
/// <param name="blobs">The stored PDFs.</param>
/// <param name="starter">Schedules the run again.</param>
/// <param name="logger">Says what was resumed or given up.</param>
public sealed class UnfinishedRuns(IRunJournal journal, IEstimateStore estimates, IBlobStore blobs, DocumentRunStarter starter, ILogger<UnfinishedRuns> logger)
{
    /// <summary>
    /// Starts of one run after interruptions before it is given up, so a document that brings the process down (a
    /// drawing that exhausts memory, say) cannot do so at every start.
    /// </summary>
    public const int MaxResumes = 3;

    /// <summary>Whether any recorded run did not finish (a cheap look before starting an engine).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await foreach (var run in journal.ListAsync(cancellationToken))
        {
            if (!run.IsFinishedBy(await estimates.GetAsync(run.DocumentId, cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Resumes every run that did not finish and is not running; returns the ids of those started.</summary>
    public async Task<IReadOnlyList<string>> ResumeAllAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var started = new List<string>();
        await foreach (var run in journal.ListAsync(cancellationToken))
        {
            try
            {
                if (await ResumeAsync(run, client, cancellationToken) is { Started: true } outcome)
                {
                    started.Add(outcome.DocumentId!);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One run that cannot start (its store unreachable, say) must not keep the host from starting; a retry of it tries again.
                RecoveryLog.ResumeFailed(logger, run.DocumentId, exception);
            }
        }

        return started;
    }

    /// <summary>
    /// Resumes the document's run if it was recorded and did not finish: <see cref="IntakeStatus.Started"/>, or
    /// <see cref="IntakeStatus.InProgress"/> while it runs; <see langword="null"/> when there is no such run.
    /// </summary>
    public async Task<IntakeOutcome?> ResumeAsync(string documentId, DurableTaskClient client, CancellationToken cancellationToken) =>
        await journal.GetAsync(documentId, cancellationToken) is { } run ? await ResumeAsync(run, client, cancellationToken) : null;

    private async Task<IntakeOutcome?> ResumeAsync(RunRecord run, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var id = run.DocumentId;
        if (await DocumentRunStarter.FindRunningAsync(client, id, cancellationToken) is not null)
        {
            return new IntakeOutcome(IntakeStatus.InProgress, id);
        }

        if (await ForgetIfDoneAsync(run, cancellationToken))
        {
            return null;
        }

        // Without force: the pages this run stored are its answers now; a forced run's pages it had not reached keep their earlier answer.
        var request = run.Request with { Force = false };
        if (!await starter.StartAsync(client, run with { Request = request, Resumes = run.Resumes + 1 }, cancellationToken))
        {
            return new IntakeOutcome(IntakeStatus.InProgress, id);
        }

        RecoveryLog.RunResumed(logger, id, run.Resumes + 1);
        return new IntakeOutcome(IntakeStatus.Started, id, request.Model, RetryPages: request.RetryPages);
    }

    /// <summary>Removes a record that needs no resume: its estimate was saved, it was resumed too often, or its PDF is gone.</summary>
    private async Task<bool> ForgetIfDoneAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var id = run.DocumentId;
        if (run.IsFinishedBy(await estimates.GetAsync(id, cancellationToken)))
        {
            await journal.RemoveAsync(id, cancellationToken);
            return true;
        }

        if (run.Resumes >= MaxResumes)
        {
            RecoveryLog.RunGivenUp(logger, id, run.Resumes);
        }
        else if (!await blobs.ExistsAsync(run.Request.Pdf, cancellationToken))
        {
            RecoveryLog.PdfGone(logger, id);
        }
        else
        {
            return false;
        }

        await journal.RemoveAsync(id, cancellationToken);
        return true;
    }
}
