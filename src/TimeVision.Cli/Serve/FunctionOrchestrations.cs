using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.FineTuning;
using TimeVision.Core.FineTuning.Durable;
using TimeVision.Core.History.Durable;
using TimeVision.Core.Pipeline;
using TimeVision.Core.Pipeline.Durable;
using TimeVision.Functions.Activities;
using TimeVision.Functions.Orchestrations;

namespace TimeVision.Cli.Serve;

/// <summary>
/// Registers the Functions app's own <c>[Function]</c> orchestrators and activity methods (the document pipeline, the
/// fine-tuning start and the history import) with the local Durable Task worker, under the names the Functions host
/// binds them to: <c>timevision serve</c> then runs every durable job its HTTP functions start (an upload, a fine-tuning
/// start, a history import), and the Functions tests run the adapters the app deploys.
/// </summary>
public static class FunctionOrchestrations
{
    /// <summary>Adds the orchestrators and activities to <paramref name="registry"/>.</summary>
    /// <param name="registry">The worker's task registry.</param>
    /// <param name="services">The services the activity classes are built from, once the host exists.</param>
    public static void Register(DurableTaskRegistry registry, Func<IServiceProvider> services)
    {
        ArgumentNullException.ThrowIfNull(registry);
        PipelineActivities Activities() => ActivatorUtilities.CreateInstance<PipelineActivities>(services());
        FineTuneStartActivities FineTune() => ActivatorUtilities.CreateInstance<FineTuneStartActivities>(services());
        HistoryImportActivities History() => ActivatorUtilities.CreateInstance<HistoryImportActivities>(services());

        registry
            .AddOrchestratorFunc<EstimateDocumentRequest, DocumentSummary>(EstimateDocumentOrchestration.Name, (context, _) => EstimateDocumentOrchestrator.RunAsync(context))
            .AddActivityFunc<EstimateDocumentRequest, InspectionOutcome>(
                EstimateDocumentOrchestration.InspectActivity, (_, input) => Activities().InspectAsync(input, CancellationToken.None))
            .AddActivityFunc<RenderPageRequest, RenderedPageReference>(
                EstimateDocumentOrchestration.RenderActivity, (_, input) => Activities().RenderPageAsync(input, CancellationToken.None))
            .AddActivityFunc<EstimatePageRequest, PageResultReference>(
                EstimateDocumentOrchestration.EstimateActivity, (_, input) => Activities().EstimatePageAsync(input, CancellationToken.None))
            .AddActivityFunc<SaveDocumentRequest, DocumentSummary>(
                EstimateDocumentOrchestration.SaveActivity, (_, input) => Activities().SaveAsync(input, CancellationToken.None))
            .AddOrchestratorFunc<FineTuneStartInput, FineTuneStartOutcome>(FineTuneStartOrchestration.Name, (context, _) => FineTuneStartOrchestrator.RunAsync(context))
            .AddActivityFunc<FineTuneStartInput, FineTuneStepResult>(
                FineTuneStartOrchestration.UploadActivity, (_, input) => FineTune().UploadAsync(input, CancellationToken.None))
            .AddActivityFunc<FineTuneStartInput, FineTuneStepResult>(
                FineTuneStartOrchestration.CreateJobActivity, (_, input) => FineTune().CreateJobAsync(input, CancellationToken.None))
            .AddActivityFunc<FineTuneStartInput, string>(
                FineTuneStartOrchestration.RecordActivity, (_, input) => FineTune().RecordJobAsync(input, CancellationToken.None))
            .AddOrchestratorFunc<HistoryImportInput, HistoryImportResult>(HistoryImportOrchestration.Name, (context, _) => HistoryImportOrchestrator.RunAsync(context))
            .AddActivityFunc<HistoryImportInput, HistoryImportResult>(
                HistoryImportOrchestration.RunActivity, (_, input) => History().RunAsync(input, CancellationToken.None));
    }
}
