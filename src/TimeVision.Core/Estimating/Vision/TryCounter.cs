using System.ClientModel.Primitives;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// Counts the HTTP requests (first tries and retries) one estimate makes, so a page result can say how many calls it
/// cost. It sits after the retry policy, so it sees every try; the count flows with the async context.
/// </summary>
internal sealed class TryCounter : PipelinePolicy
{
    private static readonly AsyncLocal<TryCount> Current = new();

    /// <summary>Starts counting for the calling async flow.</summary>
    public static TryCount Begin() => Current.Value = new TryCount();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Increment();
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Increment();
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private static void Increment()
    {
        if (Current.Value is { } box)
        {
            Interlocked.Increment(ref box.Count);
        }
    }

    /// <summary>A mutable count shared by one estimate's calls.</summary>
    internal sealed class TryCount
    {
        public int Count;
    }
}
