using Microsoft.DurableTask;

namespace TimeVision.Functions.Durable;

/// <summary>Runs a Core orchestrator class as an orchestrator function, on the input the function was started with.</summary>
internal static class OrchestratorShim
{
    /// <summary>Runs <paramref name="orchestrator"/> on the orchestration's input.</summary>
    public static Task<TOutput> RunAsync<TInput, TOutput>(TaskOrchestrator<TInput, TOutput> orchestrator, TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return orchestrator.RunAsync(context, context.GetInput<TInput>() ?? throw new InvalidOperationException("The orchestration has no input."));
    }
}
