using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Vision;

/// <summary>
/// An App Service Key Vault reference that did not resolve reaches the app as its literal text; it is no key, so the
/// app falls back (offline, or Entra ID for an Azure endpoint) instead of sending the text as a key.
/// </summary>
public sealed class UnresolvedKeyVaultReferenceTests : IDisposable
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-tv-example;SecretName=openai-api-key)";

    private readonly TempFolder _folder = new();
    private readonly CapturingLoggerProvider _logs = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("OPENAI_API_KEY")]
    [InlineData("Vision:ApiKey")]
    public void A_reference_as_the_key_binds_as_no_key_and_is_warned_about_once_by_name_never_by_value(string setting)
    {
        using var services = Services((setting, Reference));

        // Every way the options are read builds them anew; the warning is still said once.
        var options = services.Get<IOptions<VisionOptions>>().Value;
        var current = services.Get<IOptionsMonitor<VisionOptions>>().CurrentValue;
        using (var scope = services.CreateScope())
        {
            Assert.Null(scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<VisionOptions>>().Value.ApiKey);
        }

        Assert.Null(options.ApiKey);
        Assert.Null(current.ApiKey);
        Assert.Equal(VisionCredentialKind.None, VisionAccess.KindOf(options));
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains($"The setting {setting} is a Key Vault reference that did not resolve", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("@Microsoft.KeyVault", warning.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("kv-tv-example", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unresolved_Vision_ApiKey_gives_way_to_a_real_OPENAI_API_KEY()
    {
        using var services = Services(("Vision:ApiKey", Reference), ("OPENAI_API_KEY", "sk-real"));

        var options = services.Get<IOptions<VisionOptions>>().Value;

        Assert.Equal("sk-real", options.ApiKey);
        Assert.Equal(VisionCredentialKind.ApiKey, VisionAccess.KindOf(options));
    }

    [Fact]
    public void A_real_key_is_kept_and_nothing_is_warned()
    {
        using var services = Services(("OPENAI_API_KEY", "sk-real"));

        Assert.Equal("sk-real", services.Get<IOptions<VisionOptions>>().Value.ApiKey);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task With_an_unresolved_reference_the_intake_chooses_the_offline_estimate_and_says_so()
    {
        using var services = Services(("OPENAI_API_KEY", Reference));

        var (model, notice, error) = await services.Get<IntakePolicy>().ChooseModelAsync(Token);

        Assert.Equal(ModelId.Offline, model);
        Assert.Equal(IntakePolicy.OfflineNotice, notice);
        Assert.Null(error);
    }

    [Fact]
    public async Task With_an_unresolved_reference_and_a_model_named_the_intake_refuses_with_missing_api_key()
    {
        using var services = Services(("OPENAI_API_KEY", Reference), ("Vision:Model", "gpt-4.1"));

        var (model, _, error) = await services.Get<IntakePolicy>().ChooseModelAsync(Token);

        Assert.Null(model);
        Assert.Equal(IntakeError.MissingApiKey, error?.Code);
    }

    [Fact]
    public void With_an_unresolved_reference_and_an_Azure_endpoint_the_app_uses_Entra_ID()
    {
        using var services = Services(("OPENAI_API_KEY", Reference), ("OPENAI_BASE_URL", "https://shop.openai.azure.com/openai/v1/"));

        Assert.Equal(VisionCredentialKind.EntraId, VisionAccess.KindOf(services.Get<IOptions<VisionOptions>>().Value));
    }

    private ServiceProvider Services(params (string Key, string Value)[] settings) =>
        CoreServices.Create(
            services => services.AddLogging(builder => builder.AddProvider(_logs)).AddTimeVisionCore(),
            [("Storage:DataDirectory", _folder.Path), .. settings]);
}
