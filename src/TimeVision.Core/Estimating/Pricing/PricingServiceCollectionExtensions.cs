using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.Pricing.Documents;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers pricing: the shop's rates (versioned, with the work centres the planner uses), quotes and frozen price sets.</summary>
public static class PricingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the rates store and the frozen-quote store (Cosmos DB or files), <see cref="ShopRatesService"/> as the
    /// rates in use and as the planner's <see cref="IWorkCentreSource"/>, <see cref="EstimateQuotes"/>, and
    /// <see cref="QuoteDocuments"/> (the PDF offer and the ERP's CSV) with its <c>Quote:</c> settings.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionPricing(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionPricing), static services =>
    {
        services.AddTimeVisionEstimates();
        services.TryAddStore<IRatesStore>(data => new LocalRatesStore(data), cosmos => new CosmosRatesStore(cosmos.Estimates));
        services.TryAddStore<IFrozenQuoteStore>(data => new LocalFrozenQuoteStore(data), cosmos => new CosmosFrozenQuoteStore(cosmos.Estimates));
        services.TryAddSingleton<ShopRatesService>();
        services.TryAddSingleton<IWorkCentreSource>(provider => provider.GetRequiredService<ShopRatesService>());
        services.TryAddSingleton<EstimateQuotes>();
        services.AddValidatedOptions<QuoteOfferOptions>(QuoteOfferOptions.SectionName);
        services.TryAddSingleton<QuoteDocuments>();
    });
}
