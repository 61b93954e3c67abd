using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// Chooses which number heads an estimate when it is saved, by <see cref="HeadlineRule"/> under
/// <c>Estimate:Method</c>; for <c>best</c> it reads the stored figures first. Every host saves through it, so they agree.
/// </summary>
/// <param name="options">The <c>Estimate</c> settings.</param>
/// <param name="scores">The stored figures <c>best</c> compares.</param>
public sealed class EstimateHeadlines(IOptionsMonitor<EstimateOptions> options, IEstimateMethodScores scores)
{
    /// <summary><paramref name="document"/> with its headline chosen (none when it has neither number).</summary>
    /// <param name="document">The estimate with its model total, features and plan.</param>
    /// <param name="cancellationToken">Cancels the reads of the stored figures.</param>
    public async Task<DocumentEstimate> ChooseAsync(DocumentEstimate document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var requested = options.CurrentValue.Requested;
        var figures = requested == EstimateMethod.Best && document is { TotalEstimatedMinutes: not null, Plan.Routing: not null }
            ? await scores.FindAsync(document, cancellationToken)
            : MethodScores.None;
        return document with { Headline = HeadlineRule.Choose(document, requested, figures) };
    }
}
