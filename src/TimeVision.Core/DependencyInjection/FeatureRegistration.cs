using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What every feature's <c>AddTimeVisionX</c> method shares: it runs once per collection, and binds its options the same way.</summary>
internal static class FeatureRegistration
{
    /// <summary>
    /// Runs <paramref name="register"/> the first time <paramref name="feature"/> is added to <paramref name="services"/>
    /// and does nothing after. Each feature adds the features it uses, so a host may call any of them, in any order, any
    /// number of times, and each feature's registrations happen once. Every feature may ask for the time: it gets
    /// <see cref="TimeProvider.System"/> unless the host registered another.
    /// </summary>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddFeature(this IServiceCollection services, string feature, Action<IServiceCollection> register)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(AddedFeature) && d.ImplementationInstance is AddedFeature added && added.Name == feature))
        {
            return services;
        }

        // Marked before registering, so two features that use each other add each other once.
        services.AddSingleton(new AddedFeature(feature));
        services.TryAddSingleton(TimeProvider.System);
        register(services);
        return services;
    }

    /// <summary>Binds <typeparamref name="TOptions"/> to its configuration section, checked by its data annotations when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to its configuration section, checked by its data annotations and by
    /// <typeparamref name="TValidator"/> (the cross-field rules) when the host starts.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddValidatedOptions<TOptions>(sectionName);
    }

    /// <summary>
    /// Registers the app's one Entra ID credential (managed identity in Azure, <c>az login</c> on a PC), which every Azure
    /// client without a key uses: the model endpoint, Blob Storage and Cosmos DB. It does no I/O until asked for a token.
    /// </summary>
    public static void TryAddTokenCredential(this IServiceCollection services) =>
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());

    /// <summary>Marks a feature as added; the container never hands it out to anyone.</summary>
    private sealed record AddedFeature(string Name);
}
