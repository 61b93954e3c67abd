using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Vision;

/// <summary>Replies and request dialects of providers other than OpenAI's strict default, seen on the wire by the fake server.</summary>
public sealed class ModelDialectTests : FakeOpenAITestBase
{
    private const string ShopModel = "ft:gpt-4o-2024-08-06:kovo-rybka:gestima-v1:D8oakyjH";

    [Theory]
    [InlineData("true", "{0}")]
    [InlineData("true", "```json\n{0}\n```")]
    [InlineData("false", "Here is the estimate you asked for:\n{0}\nRegards.")]
    public async Task The_original_13_field_reply_of_a_provider_that_ignores_response_format_is_an_estimate(string structured, string wrapper)
    {
        Server.IgnoresResponseFormat = true;
        Server.Enqueue(new FakeReply.Content(wrapper.Replace("{0}", SampleEstimates.OriginalShape().ToJsonString(), StringComparison.Ordinal)));

        var result = await EstimateAsync(null, ("Vision:StructuredOutputs", structured));

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(2.4, result.Estimate!.EstimatedTimeMin);
        Assert.Equal(1, result.Attempts);
        Assert.Contains(result.Warnings, w => w.Code == EstimateWarning.FilledWithDefault && w.Message.StartsWith("drawing_units", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reasoning_model_gets_no_temperature_and_room_to_think_so_a_server_that_rejects_them_answers()
    {
        Server.RejectedParameters.UnionWith(["temperature", "max_tokens"]);
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var result = await EstimateAsync("o4-mini", ("Vision:ReasoningEffort", "low"));

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        var body = Assert.Single(Server.Requests).Body;
        Assert.False(body.ContainsKey("temperature"));
        Assert.Equal(ModelFamilies.ReasoningMaxOutputTokens, body["max_completion_tokens"]!.GetValue<int>());
        Assert.Equal("low", body["reasoning_effort"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rejected_temperature_is_a_configuration_error_naming_the_setting_and_is_not_retried()
    {
        Server.RejectedParameters.Add("temperature");

        var result = await EstimateAsync("gpt-5-mini", ("Vision:Models:gpt-5-mini:Temperature", "0"));

        Assert.Equal(PageEstimateStatus.Failed, result.Status);
        Assert.Equal((VisionErrorCode.UnsupportedParameter, "temperature"), (result.Error!.Code, result.Error.Parameter));
        Assert.Equal("Vision:Models:gpt-5-mini:Temperature = none", result.Error.Setting);
        Assert.Contains(result.Error.Setting!, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(["temperature"], Server.Rejections);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Settings_for_a_fine_tuned_id_with_colons_are_given_by_Id_and_json_object_puts_the_shape_in_the_prompt()
    {
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var result = await EstimateAsync(
            ShopModel,
            ("Vision:Models:gestima:Id", ShopModel),
            ("Vision:Models:gestima:ResponseFormat", "json_object"),
            ("Vision:Models:gestima:Temperature", "none"),
            ("Vision:Models:gestima:MaxOutputTokens", "0"));

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        var request = Assert.Single(Server.Requests);
        Assert.Equal("json_object", request.Body["response_format"]!["type"]!.GetValue<string>());
        Assert.False(request.Body.ContainsKey("temperature"));
        Assert.False(request.Body.ContainsKey("max_completion_tokens"));
        Assert.EndsWith(ReplyShape.Text, request.UserText, StringComparison.Ordinal);
        Assert.Contains("\"drawing_units\": \"mm\" | \"inch\" | null", ReplyShape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ft_id_written_as_a_configuration_key_is_refused_at_start_with_the_way_to_write_it()
    {
        using var services = CoreServices.Create(("Vision:Models:ft:gpt-4o-2024-08-06:kovo-rybka:gestima-v1:D8oakyjH:Detail", "low"));

        var exception = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<VisionOptions>>().Value);

        Assert.Contains("Vision:Models:<name>:Id", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_rejects_additionalProperties_is_reported_then_answers_plain_json_schema()
    {
        Server.RejectsAdditionalProperties = true;
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var strict = await EstimateAsync("gemini-2.5-flash");
        var plain = await EstimateAsync("gemini-2.5-flash", ("Vision:Models:gemini-2.5-flash:ResponseFormat", "json_schema"));

        Assert.Equal(VisionErrorCode.UnsupportedParameter, strict.Error!.Code);
        Assert.Equal("Vision:Models:gemini-2.5-flash:ResponseFormat = json_schema", strict.Error.Setting);
        Assert.Equal(PageEstimateStatus.Completed, plain.Status);
        var format = Assert.Single(Server.Requests).Body["response_format"]!["json_schema"]!;
        Assert.False(format["strict"]!.GetValue<bool>());
        Assert.DoesNotContain("additionalProperties", format["schema"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_parameter_is_not_stored_as_the_pages_result_so_the_page_is_asked_again_once_fixed()
    {
        using var folder = new TimeVision.Testing.TempFolder();
        var documentId = new string('a', 64);
        var image = TimeVision.Core.Storage.BlobReference.Page(documentId, 1);
        var request = new TimeVision.Core.Estimating.Pipeline.EstimatePageRequest(documentId, 1, image, ModelId.Parse("gpt-5-mini"), Force: false);
        Server.RejectedParameters.Add("temperature");
        (string, string)[] shared = [("Storage:DataDirectory", folder.Path), .. ServerSettings];
        using var misconfigured = CoreServices.Create([.. shared, ("Vision:Models:gpt-5-mini:Temperature", "0")]);
        await misconfigured.Get<TimeVision.Core.Storage.IBlobStore>().UploadAsync(image, (await RenderedPages.OdriMotorShaftAsStoredAsync()).ToStream(), Token);

        var rejected = await misconfigured.Get<TimeVision.Core.Estimating.Pipeline.DocumentPipeline>().EstimatePageAsync(request, Token);
        var storedAfterRejection = await misconfigured.Get<TimeVision.Core.Estimating.Pipeline.DocumentPipeline>().StoredPageResultAsync(documentId, 1, ModelId.Parse("gpt-5-mini"), Token);
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));
        using var fixedUp = CoreServices.Create(shared);
        var answered = await fixedUp.Get<TimeVision.Core.Estimating.Pipeline.DocumentPipeline>().EstimatePageAsync(request, Token);

        Assert.Equal(VisionErrorCode.UnsupportedParameter, rejected.Error!.Code);
        Assert.Null(storedAfterRejection);
        Assert.Equal(PageEstimateStatus.Completed, answered.Status);
        Assert.Equal(["temperature"], Server.Rejections);
        Assert.NotNull(await fixedUp.Get<TimeVision.Core.Estimating.Pipeline.DocumentPipeline>().StoredPageResultAsync(documentId, 1, ModelId.Parse("gpt-5-mini"), Token));
    }

    [Theory]
    [InlineData("o1", true)]
    [InlineData("o3-2025-04-16", true)]
    [InlineData("o4-mini", true)]
    [InlineData("gpt-5", true)]
    [InlineData("gpt-5-mini-2025-08-07", true)]
    [InlineData("gpt-6", true)]
    [InlineData("ft:o4-mini-2025-04-16:shop::abc", true)]
    [InlineData("gpt-4o-2024-08-06", false)]
    [InlineData(ShopModel, false)]
    [InlineData("gpt-4.1", false)]
    [InlineData("omni-vision", false)]
    [InlineData("qwen3-vl-8b", false)]
    public void Reasoning_families_are_known_by_their_ids(string model, bool reasoning) =>
        Assert.Equal(reasoning, ModelFamilies.IsReasoning(model));

    [Fact]
    public async Task Without_a_key_Entra_ID_signs_the_requests_with_the_configured_scope()
    {
        await using var tls = await FakeOpenAIServer.StartAsync(https: true);
        using var pinned = tls.PinnedHttpClient();
        var credential = new IssuingCredential("entra-token-for-tests");
        tls.AcceptBearerToken(credential.Token);
        tls.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vision:Endpoint"] = tls.BaseUrl.ToString(),
            ["Vision:Authentication"] = "entra",
            ["Vision:TokenScope"] = "https://cognitiveservices.azure.com/.default",
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TokenCredential>(credential)
            .AddSingleton(new VisionHttpClient(pinned))
            .AddLogging()
            .AddTimeVisionCore()
            .BuildServiceProvider();

        var result = await services.GetRequiredService<IVisionEstimator>().EstimatePageAsync(await RenderedPages.OdriMotorShaftAsStoredAsync(), "gpt-4.1", null, Token);

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Single(tls.Requests); // the server records only requests whose bearer token it accepted: no key was configured
        Assert.Empty(tls.Violations);
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Theory]
    [InlineData(null, "auto", "", VisionCredentialKind.None)]
    [InlineData(null, "auto", "sk-x", VisionCredentialKind.ApiKey)]
    [InlineData("https://shop.openai.azure.com/openai/v1/", "auto", "", VisionCredentialKind.EntraId)]
    [InlineData("https://shop.openai.azure.com/openai/v1/", "auto", "k", VisionCredentialKind.ApiKey)]
    [InlineData("http://127.0.0.1:8000/v1/", "entra", "", VisionCredentialKind.EntraId)]
    [InlineData("http://127.0.0.1:8000/v1/", "key", "", VisionCredentialKind.None)]
    [InlineData(null, "auto", "@Microsoft.KeyVault(VaultName=kv;SecretName=openai-api-key)", VisionCredentialKind.None)] // did not resolve
    [InlineData("https://shop.openai.azure.com/openai/v1/", "auto", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/k/)", VisionCredentialKind.EntraId)]
    [InlineData("http://127.0.0.1:8000/v1/", "key", "@Microsoft.KeyVault(VaultName=kv;SecretName=openai-api-key)", VisionCredentialKind.None)]
    public void One_rule_decides_how_requests_authenticate(string? endpoint, string authentication, string key, VisionCredentialKind expected) =>
        Assert.Equal(expected, VisionAccess.KindOf(new VisionOptions { Endpoint = endpoint is null ? null : new Uri(endpoint), Authentication = authentication, ApiKey = key }));

    private async Task<PageEstimateResult> EstimateAsync(string? model, params (string Key, string Value)[] settings)
    {
        using var services = CoreServices.Create(
        [
            .. ServerSettings,
            ("Vision:InitialRetryDelay", "00:00:00.010"),
            .. settings,
        ]);
        return await services.Get<IVisionEstimator>().EstimatePageAsync(await RenderedPages.OdriMotorShaftAsStoredAsync(), model, null, Token);
    }

    /// <summary>A credential that issues one token and remembers the scopes it was asked for.</summary>
    private sealed class IssuingCredential(string token) : TokenCredential
    {
        public string Token { get; } = token;

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
