using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace TimeVision.Functions;

/// <summary>The app's service registrations, shared by <c>Program.cs</c> and the startup test.</summary>
public static class FunctionsApplicationBuilderExtensions
{
    /// <summary>Adds telemetry, Core's services and the API's options to the Functions worker.</summary>
    /// <param name="builder">The Functions application builder.</param>
    public static FunctionsApplicationBuilder AddTimeVision(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();
        builder.Services.AddTimeVisionCore();
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
