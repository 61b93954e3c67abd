using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Json;

namespace TimeVision.Core.ModelOps.Retirement;

/// <summary>Looks at the model in use and warns when it retires within <see cref="RetirementInfo.WarnWithinDays"/> days; the daily timer calls it.</summary>
/// <param name="active">The model in use.</param>
/// <param name="retirement">The models' retirement dates.</param>
/// <param name="logger">Where the warning is written.</param>
public sealed partial class RetirementWatch(ActiveModel active, ModelRetirement retirement, ILogger<RetirementWatch> logger)
{
    /// <summary>The model in use and when it retires; logs a warning when that is near.</summary>
    public async Task<(string Model, RetirementInfo Retirement)> CheckAsync(CancellationToken cancellationToken)
    {
        var (model, _) = await active.ResolveAsync(cancellationToken);
        var info = await retirement.GetAsync(model, cancellationToken);
        if (info is { IsNear: true, RetiresOn: { } date, DaysLeft: { } days })
        {
            RetiresSoon(logger, model, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), days, JsonCode.Of(info.Source));
        }

        return (model, info);
    }

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning,
        Message = "The model in use, {Model}, retires on {RetiresOn} ({DaysLeft} days left, says {Source}): check a successor with 'timevision model check' and activate it (README: Moving off a retiring model)")]
    private static partial void RetiresSoon(ILogger logger, string model, string retiresOn, int daysLeft, string source);
}
