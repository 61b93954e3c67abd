using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Cli.Serve;

/// <summary>
/// <c>timevision serve</c>'s retry timer: every <see cref="RetryOptions.SweepInterval"/> on the host's clock, the same
/// <see cref="RetrySweep"/> the Functions app's timer runs, so pages that failed for a passing reason are retried here
/// too, with the same backoff and daily cap. A sweep that fails is logged and the next one runs on time.
/// </summary>
internal sealed partial class RetrySweepService(
    RetrySweep sweep, DurableTaskClient client, IOptionsMonitor<RetryOptions> options, TimeProvider time, ILogger<RetrySweepService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(options.CurrentValue.SweepInterval, time, stoppingToken);
                await sweep.RunAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                SweepFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Error, Message = "The retry sweep failed; the next one runs on schedule")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
