namespace TimeVision.Testing.FakeOpenAI;

/// <summary>One scripted answer of the fake OpenAI server to one chat completion request.</summary>
public abstract record FakeReply
{
    /// <summary>How long to wait before answering (a reply slower than the client's timeout never arrives).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Work the server waits for before answering (a service stopped at this point of a run, say), so a test can act at
    /// a known step of the pipeline rather than after a guessed time. A fault in it is the test's, not the reply's.
    /// </summary>
    public Task? HeldUntil { get; init; }

    /// <summary>A normal completion whose message content is <paramref name="Text"/>.</summary>
    public sealed record Content(string Text) : FakeReply
    {
        /// <summary>The choice's <c>finish_reason</c>: <c>stop</c>, or <c>length</c> for a reply the token cap cut off.</summary>
        public string FinishReason { get; init; } = "stop";
    }

    /// <summary>A completion carrying the API's <c>refusal</c> field and no content.</summary>
    public sealed record Refusal(string Text) : FakeReply;

    /// <summary>An HTTP error with OpenAI's error body, optionally with <c>Retry-After</c> (seconds).</summary>
    public sealed record HttpError(int Status, string Code, string Message, int? RetryAfterSeconds = null) : FakeReply;

    /// <summary>A completion with <paramref name="Text"/> as content, after <paramref name="delay"/>.</summary>
    public static FakeReply Slow(string text, TimeSpan delay) => new Content(text) { Delay = delay };

    /// <summary>429, as OpenAI sends it when a rate limit is hit.</summary>
    public static FakeReply RateLimited(int retryAfterSeconds) =>
        new HttpError(429, "rate_limit_exceeded", "Rate limit reached for requests.", retryAfterSeconds);

    /// <summary>500, as OpenAI sends it on a server fault.</summary>
    public static FakeReply ServerError() => new HttpError(500, "server_error", "The server had an error while processing your request.");
}
