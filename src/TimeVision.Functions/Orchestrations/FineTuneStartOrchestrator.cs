using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using TimeVision.Core.FineTuning;
using TimeVision.Core.FineTuning.Durable;

namespace TimeVision.Functions.Orchestrations;

/// <summary>The fine-tuning start orchestration as a function: the shared implementation, nothing more.</summary>
public static class FineTuneStartOrchestrator
{
    /// <summary>Runs <see cref="FineTuneStartOrchestration"/>.</summary>
    [Function(FineTuneStartOrchestration.Name)]
    public static Task<FineTuneStartOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FineTuneStartOrchestration.RunAsync(
            context, context.GetInput<FineTuneStartInput>() ?? throw new InvalidOperationException("The orchestration has no input."));
    }
}
