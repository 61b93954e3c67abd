using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
using Microsoft.Extensions.Options;
using TimeVision.Api.Access;
using TimeVision.Api.Endpoints;

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
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        builder.UseWhen<Middleware.SecurityHeadersMiddleware>(IsHttp);
        builder.UseWhen<Middleware.UnhandledHttpErrors>(IsHttp);
        builder.UseWhen<Middleware.CallerAccessMiddleware>(IsHttp);
        builder.UseWhen<Middleware.CrossSiteMiddleware>(IsHttp);
        builder.UseWhen<Middleware.SignedInCallerMiddleware>(IsHttp);
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();

        // The Application Insights SDK adds a rule that sends only Warning and above from the worker to Application
        // Insights (provider ApplicationInsightsLoggerProvider, any category); removed, the worker's Information logs
        // (pages estimated, documents saved) reach it too, and the levels are the configuration's (Logging:LogLevel).
        builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var rule in options.Rules.Where(IsApplicationInsightsWarningRule).ToList())
            {
                options.Rules.Remove(rule);
            }
        });
        builder.Services.AddTimeVisionCore().AddTimeVisionDurableTasks().AddTimeVisionApi();
        return builder;
    }

    private static bool IsHttp(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(binding => string.Equals(binding.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase));

    private static bool IsApplicationInsightsWarningRule(LoggerFilterRule rule) =>
        rule.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName
        && string.IsNullOrEmpty(rule.CategoryName)
        && rule.LogLevel == LogLevel.Warning
        && rule.Filter is null;
}
