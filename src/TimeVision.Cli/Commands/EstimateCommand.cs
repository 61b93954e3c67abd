using System.CommandLine;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TimeVision.Cli.Engine;
using TimeVision.Core.Estimates;
using TimeVision.Core.Json;
using TimeVision.Core.Pipeline;
using TimeVision.Core.Pipeline.Durable;
using TimeVision.Core.Retirement;
using TimeVision.Core.Storage;
using TimeVision.Core.Vision;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision estimate &lt;pdf&gt;</c>: the whole pipeline on this machine, hosted on the local Durable Task engine.
/// Exit 0 completed, 3 partial or failed pages, 2 bad input, 1 other failure.
/// </summary>
internal static class EstimateCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static Command Create()
    {
        var pdf = new Argument<FileInfo>("pdf") { Description = "The PDF drawing to estimate." };
        var model = CommonOptions.Model();
        var endpoint = CommonOptions.Endpoint();
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var force = new Option<bool>("--force") { Description = "Estimate again even if this PDF has a stored estimate." };
        var offline = new Option<bool>("--offline")
        {
            Description = "Estimate from the PDF's text layer with the reference tables, no model (low confidence); the default when no API key is configured.",
        };

        var command = new Command("estimate", "Estimate every page of a PDF drawing and store the document estimate.")
        {
            pdf, model, endpoint, data, json, force, offline,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(offline) && result.GetValue(model) is { Length: > 0 })
            {
                result.AddError("--offline and --model cannot be used together.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(pdf),
            WithOffline(CommonOptions.Overrides(parse, data, model, endpoint), parse.GetValue(offline)),
            parse.GetValue(json),
            parse.GetValue(force),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo pdf, Dictionary<string, string?> overrides, bool json, bool force, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!pdf.Exists)
        {
            return CliOutput.WriteError(stdout, stderr, "file_not_found", $"'{pdf.FullName}' does not exist.", ExitCodes.BadInput);
        }

        var slot = new LocalEngineSlot();
        using var host = await CliHost.TryBuildAsync(overrides, stdout, stderr, services => AddDurableTask(services, slot), cancellationToken);
        if (host is null)
        {
            return ExitCodes.BadInput;
        }

        var services = host.Services;
        var intake = services.GetRequiredService<DocumentIntake>();
        var store = services.GetRequiredService<IEstimateStore>();
        var precheck = await intake.PrecheckFileAsync(pdf.FullName, force, cancellationToken);
        if (precheck.Early is { } early)
        {
            return await WriteEarlyAsync(early, pdf.Name, store, json, stdout, stderr, cancellationToken);
        }

        var pipeline = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        await using var engine = await LocalDurableEngine.StartAsync(Math.Max(2, pipeline.MaxPagesInFlight), cancellationToken);
        slot.Engine = engine;
        await host.StartAsync(cancellationToken);
        try
        {
            var client = services.GetRequiredService<DurableTaskClient>();
            var outcome = await intake.SubmitFileAsync(pdf.FullName, precheck.Id, pdf.Name, DocumentSource.Cli, force, client, cancellationToken);
            if (outcome.Status is IntakeStatus.AlreadyEstimated or IntakeStatus.Rejected)
            {
                return await WriteEarlyAsync(outcome, pdf.Name, store, json, stdout, stderr, cancellationToken);
            }

            if (outcome.Notice is { } notice)
            {
                await stderr.WriteLineAsync($"note: {notice}");
            }

            var documentId = outcome.DocumentId!;
            var final = await FollowAsync(client, documentId, pdf.Name, stderr, cancellationToken);
            if (final.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                var failure = final.FailureDetails?.ErrorMessage ?? final.RuntimeStatus.ToString();
                return CliOutput.WriteError(stdout, stderr, "pipeline_failed", $"The estimate did not finish: {failure}", ExitCodes.Failure);
            }

            var document = await store.GetAsync(documentId, cancellationToken)
                ?? throw new InvalidOperationException($"The pipeline finished but document {documentId} is not stored.");
            await WarnOfRetirementAsync(services, document, stderr, cancellationToken);
            return DocumentOutput.Write(document, json, stdout);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>An intake that ends before any estimate runs: the stored estimate, or the refusal with exit 2.</summary>
    private static async Task<int> WriteEarlyAsync(
        IntakeOutcome outcome, string fileName, IEstimateStore store, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (outcome.Error is { } error)
        {
            return CliOutput.WriteError(stdout, stderr, error.Code, error.Message, ExitCodes.BadInput);
        }

        var stored = (await store.GetAsync(outcome.DocumentId!, cancellationToken))!;
        await stderr.WriteLineAsync($"{fileName} was estimated before ({stored.CompletedAt:u}); showing the stored estimate. --force estimates again.");
        return DocumentOutput.Write(stored, json, stdout);
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
                    $"warning: {model} retires on {date:yyyy-MM-dd} ({retirement.DaysLeft} days left; {retirement.Source}). Move to another model before then: README, 'Moving off a retiring model'.");
            }
        }
    }

    private static Dictionary<string, string?> WithOffline(Dictionary<string, string?> overrides, bool offline)
    {
        if (offline)
        {
            overrides[$"{VisionOptions.SectionName}:{nameof(VisionOptions.Model)}"] = ModelIds.Offline;
        }

        return overrides;
    }

    private static void AddDurableTask(IServiceCollection services, LocalEngineSlot slot)
    {
        services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc(options => options.Channel = slot.Channel);
            builder.AddTasks(registry => registry.AddDocumentPipeline());
        });
        services.AddDurableTaskClient(builder => builder.UseGrpc(options => options.Channel = slot.Channel));
    }

    /// <summary>Waits for the orchestration, printing each change of its progress to stderr.</summary>
    private static async Task<OrchestrationMetadata> FollowAsync(
        DurableTaskClient client, string instanceId, string fileName, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? lastProgress = null;
        while (true)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
                ?? throw new InvalidOperationException($"Orchestration {instanceId} vanished.");
            var progress = state.ReadCustomStatusAs<PipelineProgress>();
            var line = progress is null ? null : ProgressLine(fileName, progress);
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

    private static string ProgressLine(string fileName, PipelineProgress progress) => progress.Stage switch
    {
        PipelineStage.Inspecting => $"{fileName}: {JsonCode.Of(progress.Stage)}",
        _ => $"{fileName}: rendered {progress.PagesRendered}/{progress.PageCount}, estimated {progress.PagesEstimated}/{progress.PageCount}"
            + (progress.Stage == PipelineStage.Estimating ? string.Empty : $", {JsonCode.Of(progress.Stage)}"),
    };

}
