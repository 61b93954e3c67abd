using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TimeVision.Core.Tests.Support;

/// <summary>Core's services as a host registers them, with settings given as configuration keys.</summary>
internal static class CoreServices
{
    public static ServiceProvider Create(params (string Key, string Value)[] settings) =>
        Create(services => services.AddTimeVisionCore(), settings);

    /// <summary>The services <paramref name="register"/> adds (one feature, say), with configuration and logging as a host has them.</summary>
    public static ServiceProvider Create(Action<IServiceCollection> register, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static T Get<T>(this IServiceProvider provider)
        where T : notnull => provider.GetRequiredService<T>();
}
