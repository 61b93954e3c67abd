using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline.Recovery;

/// <summary>
/// A document's run as the intake started it, kept on this machine until the run saves its estimate: what a host whose
/// Durable Task engine forgets everything when the process ends (<c>timevision serve</c>, <c>estimate</c>) needs to
/// start the same run again.
/// </summary>
/// <param name="Request">The orchestration's input, exactly as started (model, pages to run, shadow model).</param>
/// <param name="StartedAt">When the intake started it.</param>
/// <param name="Resumes">How many times it was started again after an interruption.</param>
public sealed record RunRecord(EstimateDocumentRequest Request, DateTimeOffset StartedAt, int Resumes = 0)
{
    /// <summary>The document the run estimates.</summary>
    public string DocumentId => Request.DocumentId;

    /// <summary>
    /// The rule, the same for every host: a recorded run is finished once an estimate of its document was saved at or
    /// after the run started. Anything else, no estimate or only an older one, is a run that did not finish.
    /// </summary>
    /// <param name="stored">The document's stored estimate, if any.</param>
    public bool IsFinishedBy(DocumentEstimate? stored) => stored?.CompletedAt is { } completed && completed >= StartedAt;
}
