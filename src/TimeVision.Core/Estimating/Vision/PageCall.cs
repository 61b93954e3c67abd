using OpenAI.Chat;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision.Prompts;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// One page's calls to a model, as <see cref="OpenAIVisionEstimator"/> makes them (or one part's sheets, as
/// <see cref="OpenAIFeatureReader"/> sends them together): what is sent, the tries and tokens so far, the warnings
/// gathered, and the result they add up to.
/// </summary>
/// <param name="modelId">The model.</param>
/// <param name="prompt">The prompt set sent.</param>
/// <param name="detail">The image detail of the first call.</param>
/// <param name="images">The page, or the part's sheets, as sent.</param>
/// <param name="time">The clock for latency.</param>
/// <param name="started">When the page's calls started, by <paramref name="time"/>.</param>
/// <param name="tries">The HTTP tries of this page's calls, counted by <see cref="TryCounter"/>.</param>
internal sealed class PageCall(
    string modelId, PromptSet prompt, string detail, IReadOnlyList<ModelImage> images, TimeProvider time, long started, TryCounter.TryCount tries)
{
    /// <summary>The model.</summary>
    public string ModelId { get; } = modelId;

    /// <summary>The prompt set sent.</summary>
    public PromptSet Prompt { get; } = prompt;

    /// <summary>The page as sent (the first sheet, when there are several).</summary>
    public ModelImage Image => Images[0];

    /// <summary>Every image sent, in order.</summary>
    public IReadOnlyList<ModelImage> Images { get; } = images.Count > 0 ? images : throw new ArgumentException("A call sends at least one image.", nameof(images));

    /// <summary>The image detail of the next call: <c>auto</c> after a refusal.</summary>
    public string Detail { get; private set; } = detail;

    /// <summary>HTTP tries so far.</summary>
    public int Tries => tries.Count;

    /// <summary>Input tokens over every call so far.</summary>
    public long InputTokens { get; private set; }

    /// <summary>Output tokens over every call so far.</summary>
    public long OutputTokens { get; private set; }

    /// <summary>Warnings for the result.</summary>
    public List<EstimateWarning> Warnings { get; } = [];

    /// <summary>Whether the model has refused the page once already.</summary>
    public bool Refused { get; private set; }

    /// <summary>How many replies were not a valid estimate.</summary>
    public int InvalidReplies { get; private set; }

    /// <summary>Adds a call's tokens.</summary>
    public void Add(ChatTokenUsage? usage)
    {
        InputTokens += usage?.InputTokenCount ?? 0;
        OutputTokens += usage?.OutputTokenCount ?? 0;
    }

    /// <summary>Notes the first refusal: the page goes again with <c>detail: auto</c>.</summary>
    public void RetryAfterRefusal()
    {
        Refused = true;
        Detail = "auto";
        Warnings.Add(new EstimateWarning(EstimateWarning.RetriedAfterRefusal, "The model refused the page; it was sent again with detail: auto."));
    }

    /// <summary>Counts an invalid reply; the first one sends the page again.</summary>
    /// <returns>Whether to send the page again.</returns>
    public bool RetryAfterInvalidReply(string? error)
    {
        if (++InvalidReplies != 1)
        {
            return false;
        }

        Warnings.Add(new EstimateWarning(EstimateWarning.RetriedAfterInvalidReply, $"The first reply was not a valid estimate ({error}); the page was sent again."));
        return true;
    }

    /// <summary>The result so far with <paramref name="status"/>; latency runs until now.</summary>
    public PageEstimateResult Result(PageEstimateStatus status) => new()
    {
        Status = status,
        Model = ModelId,
        Provider = ModelIds.ProviderTag(ModelId),
        PromptId = Prompt.Id,
        PromptVersion = Prompt.Version,
        PromptHash = Prompt.Hash,
        Detail = Detail,
        Attempts = tries.Count,
        InputTokens = InputTokens,
        OutputTokens = OutputTokens,
        LatencyMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
        ImageBytesSent = Images.Sum(i => (long)i.Png.ToMemory().Length) * tries.Count,
        ImageWidthPx = Image.WidthPx,
        ImageHeightPx = Image.HeightPx,
        Warnings = Warnings,
    };
}
