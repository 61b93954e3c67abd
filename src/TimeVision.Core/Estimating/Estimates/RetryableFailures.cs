using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// Which failures are worth trying again without anyone forcing it: those caused by the moment (network, timeouts,
/// 5xx, 429 after the retries, a spent budget) or by configuration that can be fixed (401/403, an unknown model, a
/// rejected parameter, a model without a price under a budget, Poppler missing). A refusal, an invalid reply or a page without a text layer would end the same way
/// again, so they stay until forced.
/// </summary>
public static class RetryableFailures
{
    /// <summary>Whether a page that failed with <paramref name="code"/> is tried again on the next submission.</summary>
    public static bool IsRetryable(this VisionErrorCode code) => code is
        VisionErrorCode.RateLimited or VisionErrorCode.ServiceError or VisionErrorCode.Timeout or VisionErrorCode.NetworkError
        or VisionErrorCode.RequestRejected or VisionErrorCode.UnsupportedParameter or VisionErrorCode.Unauthorized
        or VisionErrorCode.BudgetSpent or VisionErrorCode.UnpricedModel;

    /// <summary>Whether a page whose render failed with <paramref name="code"/> is tried again on the next submission.</summary>
    public static bool IsRetryable(this RenderErrorCode code) =>
        code is RenderErrorCode.RenderTimeout or RenderErrorCode.RenderOutOfMemory or RenderErrorCode.RendererMissing;

    /// <summary>
    /// Whether a page whose render failed with <paramref name="error"/> is tried again on the next submission: as its
    /// code says, except that a render stopped for time is tried once more only. A page that is stopped again is a
    /// "bomb" (a PDF built to take Poppler's time) and would burn the retry timer's CPU on every sweep; forcing the
    /// document starts its count anew.
    /// </summary>
    public static bool IsRetryable(this RenderError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code.IsRetryable() && !(error.Code == RenderErrorCode.RenderTimeout && error.Runs >= MaxRenderTimeoutRuns);
    }

    /// <summary>The runs a page stopped for time gets: the first and one retry.</summary>
    public const int MaxRenderTimeoutRuns = 2;
}
