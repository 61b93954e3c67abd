using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace TimeVision.Functions;

/// <summary>The app's service registrations, shared by <c>Program.cs</c> and the startup test.</summary>
public static class FunctionsApplicationBuilderExtensions
{
    /// <summary>Adds telemetry and Core's services to the Functions worker.</summary>
    /// <param name="builder">The Functions application builder.</param>
    public static FunctionsApplicationBuilder AddTimeVision(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();
        builder.Services.AddTimeVisionCore();
        return builder;
    }
}
