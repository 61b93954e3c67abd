using Microsoft.DurableTask;

namespace TimeVision.Core.Durable;

/// <summary>
/// An activity whose work takes a cancellation token: the Functions app's shim passes the function's token, and a
/// worker that runs the class itself (the local engine) passes <see cref="ActivityStopping.Token"/>.
/// </summary>
/// <typeparam name="TInput">The activity's input.</typeparam>
/// <typeparam name="TOutput">The activity's output.</typeparam>
/// <param name="stopping">The host's stopping token, for a worker that runs the class itself.</param>
public abstract class CancellableActivity<TInput, TOutput>(ActivityStopping stopping) : TaskActivity<TInput, TOutput>
{
    /// <inheritdoc />
    public sealed override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => RunAsync(input, stopping.Token);

    /// <summary>Does the activity's work.</summary>
    /// <param name="input">The activity's input.</param>
    /// <param name="cancellationToken">Cancelled when the host stops or the function times out.</param>
    public abstract Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
