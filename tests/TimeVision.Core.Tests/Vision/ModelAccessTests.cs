using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Vision;

namespace TimeVision.Core.Tests.Vision;

/// <summary>The missing-key rule every host asks: which models need the endpoint, and the one code and message when it cannot be reached.</summary>
public sealed class ModelAccessTests
{
    private static ModelAccess Access(string? apiKey, string authentication = "auto", string? endpoint = null) =>
        new(new FixedMonitor<VisionOptions>(new VisionOptions { ApiKey = apiKey, Authentication = authentication, Endpoint = endpoint is null ? null : new Uri(endpoint) }));

    [Theory]
    [InlineData("gpt-4.1")]
    [InlineData("ft:gpt-4o-2024-08-06:shop::abc123")]
    [InlineData("calibrated:gpt-4.1")]
    public void A_model_the_endpoint_serves_is_refused_with_missing_api_key_when_no_way_in_is_configured(string model)
    {
        var denied = Access(apiKey: null).Check(ModelId.Parse(model));

        Assert.Equal((ModelAccess.MissingApiKeyCode, VisionAccess.MissingCredentialMessage), (denied?.Code, denied?.Message));
        Assert.Equal(IntakeError.MissingApiKey, denied?.Code);
    }

    [Theory]
    [InlineData("offline")]
    [InlineData("history")]
    [InlineData("calibrated:offline")]
    public void The_estimators_that_run_here_need_no_key(string model)
    {
        Assert.Null(Access(apiKey: null).Check(ModelId.Parse(model)));
    }

    [Fact]
    public void A_key_or_an_Azure_endpoint_with_Entra_ID_lets_every_model_be_asked()
    {
        Assert.Null(Access("sk-test").Check(ModelId.Default));
        Assert.Null(Access(apiKey: null, endpoint: "https://shop.openai.azure.com/openai/v1/").Check(ModelId.Default));
        Assert.True(Access("sk-test").HasEndpoint);
    }

    [Fact]
    public void An_unresolved_key_vault_reference_is_no_key()
    {
        Assert.NotNull(Access("@Microsoft.KeyVault(VaultName=kv;SecretName=openai-api-key)").CheckEndpoint());
    }

    [Fact]
    public void A_forced_activation_sends_nothing_so_it_needs_no_key_and_an_unforced_one_does()
    {
        var access = Access(apiKey: null);

        Assert.Null(access.CheckActivation(ModelId.Default, force: true));
        Assert.Equal(ModelAccess.MissingApiKeyCode, access.CheckActivation(ModelId.Default, force: false)?.Code);
    }

    private sealed class FixedMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
