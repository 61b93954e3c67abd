using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Handlers;

namespace TimeVision.Api.Endpoints;

/// <summary>Registers the handler classes of <see cref="ApiEndpoints"/>, in either host.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Adds the handler classes; each is built per use from Core's services.</summary>
    /// <param name="services">The host's services, with Core's already added.</param>
    public static IServiceCollection AddTimeVisionApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services
            .AddTransient<ChecklistApi>()
            .AddTransient<CuttingDataApi>()
            .AddTransient<EstimatesApi>()
            .AddTransient<EstimateListApi>()
            .AddTransient<EstimatePlanApi>()
            .AddTransient<FeedbackApi>()
            .AddTransient<FineTuneApi>()
            .AddTransient<HistoryImportApi>()
            .AddTransient<ModelApi>()
            .AddTransient<QuoteApi>()
            .AddTransient<RatesApi>()
            .AddTransient<SimilarPartsApi>()
            .AddTransient<TrainingExportApi>();
    }
}
