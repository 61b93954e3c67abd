using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// The tries of one <see cref="PageCall"/>, the same for an estimate and a reading: the messages are sent until a reply
/// reads, a failure, a second refusal (the first sends the images again with <c>detail: auto</c>) or a second invalid
/// reply. What a reply means is the caller's <c>read</c>.
/// </summary>
internal static class ChatCallLoop
{
    /// <summary>Sends <paramref name="messages"/> until the call ends, and returns its result.</summary>
    /// <param name="page">The call so far.</param>
    /// <param name="client">The model's chat client.</param>
    /// <param name="call">How the model is called, to name the setting behind a rejected parameter.</param>
    /// <param name="options">The request's options.</param>
    /// <param name="messages">The messages, built again for each try (the detail may change).</param>
    /// <param name="read">
    /// Reads a reply that is not a refusal, given its text and the token cap when the reply was cut off there; returns
    /// <see langword="null"/> when an invalid reply sends the call again.
    /// </param>
    /// <param name="refused">What a second refusal is called, e.g. "The model refused to estimate this page, twice.".</param>
    /// <param name="logger">Logs a failure or a block, never the content.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public static async Task<PageEstimateResult> RunAsync(
        PageCall page,
        ChatClient client,
        ModelCallSettings call,
        ChatCompletionOptions options,
        Func<ChatMessage[]> messages,
        Func<string?, int?, PageEstimateResult?> read,
        string refused,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            ChatCompletion completion;
            try
            {
                completion = (await client.CompleteChatAsync(messages(), options, cancellationToken)).Value;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && ApiFailure.Classify(exception, call) is { } error)
            {
                Log.PageFailed(logger, page.ModelId, error.Code, page.Tries);
                return page.Result(PageEstimateStatus.Failed) with { Error = error };
            }

            page.Add(completion.Usage);
            var text = completion.Content.Count > 0 ? string.Concat(completion.Content.Select(part => part.Text)) : null;
            var refusal = !string.IsNullOrWhiteSpace(completion.Refusal) ? completion.Refusal
                : ReplyText.LooksLikeRefusal(text) ? text
                : null;
            if (refusal is not null)
            {
                if (!page.Refused)
                {
                    page.RetryAfterRefusal();
                    continue;
                }

                Log.PageBlocked(logger, page.ModelId, page.Tries);
                return page.Result(PageEstimateStatus.Blocked) with { Refusal = refusal, Error = new VisionError(VisionErrorCode.Refused, refused) };
            }

            if (read(text, completion.FinishReason == ChatFinishReason.Length ? call.Dialect.MaxOutputTokens : null) is { } result)
            {
                return result;
            }
        }
    }
}
