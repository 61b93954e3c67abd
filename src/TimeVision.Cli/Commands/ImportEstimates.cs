using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Json;
using TimeVision.Core.Learning.History;
using TimeVision.Hosting.Local;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>import --estimate MODEL</c>: the pipeline on this machine for each imported drawing that no model has seen, one
/// after another on one local Durable Task engine, within <c>Vision:RunBudgetUsd</c> (<c>--budget-usd</c>) as
/// <c>estimate</c> runs are. Each drawing's outcome goes to stderr; a drawing already estimated is left as it is.
/// </summary>
internal static class ImportEstimates
{
    public static async Task RunAsync(IHost host, LocalEngineSlot slot, HistoryImportSummary summary, TextWriter stderr, CancellationToken cancellationToken)
    {
        var services = host.Services;
        var store = services.GetRequiredService<IEstimateStore>();
        var pending = new List<(string Id, string File)>();
        foreach (var (id, file) in summary.Documents.Select(d => (d.Id, d.File)).Distinct())
        {
            if (await store.GetAsync(id, cancellationToken) is { Status: DocumentStatus.Imported })
            {
                pending.Add((id, file));
            }
        }

        if (pending.Count == 0)
        {
            await stderr.WriteLineAsync("estimate: every imported drawing already has an estimate.");
            return;
        }

        await services.GetRequiredService<LocalRecovery>().LockDataFolderAsync("import", stderr, cancellationToken);
        await using var engine = await slot.StartAsync(services, cancellationToken);
        await host.StartAsync(cancellationToken);
        try
        {
            var client = services.GetRequiredService<DurableTaskClient>();
            var intake = services.GetRequiredService<DocumentIntake>();
            foreach (var (id, file) in pending)
            {
                var outcome = await intake.EstimateStoredAsync(id, client, cancellationToken);
                if (outcome.Error is { } error)
                {
                    await stderr.WriteLineAsync($"estimate: {file}: {error.Code}: {error.Message}");
                    continue;
                }

                if (outcome.Status == IntakeStatus.Started)
                {
                    await LocalEstimateRun.FollowAsync(client, id, file, stderr, cancellationToken);
                }

                var document = await store.GetAsync(id, cancellationToken);
                await stderr.WriteLineAsync($"estimate: {file}: {(document is null ? "not stored" : JsonCode.Of(document.Status))}");
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
