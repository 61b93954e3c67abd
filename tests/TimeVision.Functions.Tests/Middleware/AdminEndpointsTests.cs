using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Functions.Middleware;
using TimeVision.Api.Access;
using TimeVision.Api.Endpoints;

namespace TimeVision.Functions.Tests.Middleware;

/// <summary>
/// The Functions app's middleware takes an endpoint's rule from the endpoint table, by the function's name: a signed-in
/// estimator is refused every admin endpoint the table names (403 <c>admin_role_required</c>) and let through the
/// others. <c>ServeRolesTests</c> checks the same entries against <c>timevision serve</c>'s estimators' token.
/// </summary>
public sealed class AdminEndpointsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> AdminEndpoints => [.. ApiEndpoints.All.Where(e => e.Rule == CallerAccess.Rule.Admin).Select(e => e.Name)];

    public static TheoryData<string> OtherApiEndpoints => [.. ApiEndpoints.All.Where(e => e.Rule == CallerAccess.Rule.SignedIn).Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task A_signed_in_estimator_is_refused_an_admin_endpoint_before_it_runs(string function)
    {
        var (status, body, ran) = await InvokeAsync(function, Principal("jana@shop.example"));

        Assert.False(ran);
        Assert.Equal((403, "admin_role_required"), (status, body!.Value.GetProperty("error").GetProperty("code").GetString()));
    }

    [Theory]
    [MemberData(nameof(OtherApiEndpoints))]
    public async Task A_signed_in_estimator_reaches_every_other_api_endpoint(string function)
    {
        var (_, _, ran) = await InvokeAsync(function, Principal("jana@shop.example"));

        Assert.True(ran);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task The_admin_role_reaches_an_admin_endpoint(string function)
    {
        var (_, _, ran) = await InvokeAsync(function, Principal("petr@shop.example", "TimeVision.Admin"));

        Assert.True(ran);
    }

    private static async Task<(int Status, JsonElement? Body, bool Ran)> InvokeAsync(string function, string principal)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider() };
        http.Request.Headers[CallerAccess.PrincipalHeader] = principal;
        http.Response.Body = new MemoryStream();
        var appService = new Dictionary<string, string?> { [PlatformSignInEvidence.AppServiceVariable] = "True" };
        var middleware = new CallerAccessMiddleware(Options.Create(new AccessOptions()), name => appService.GetValueOrDefault(name));
        var ran = false;

        await middleware.Invoke(new NamedFunctionContext(http, function), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        http.Response.Body.Position = 0;
        JsonElement? body = http.Response.Body.Length > 0 ? (await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: Token)).RootElement : null;
        return (http.Response.StatusCode, body, ran);
    }

    /// <summary>The principal as App Service authentication encodes it.</summary>
    private static string Principal(string name, string? role = null)
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        if (role is not null)
        {
            claims.Add(new { typ = "roles", val = role });
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", claims })));
    }

    /// <summary>An HTTP function's invocation, as the ASP.NET Core integration hands it to the middleware.</summary>
    private sealed class NamedFunctionContext(HttpContext http, string name) : FunctionContext
    {
        public override string InvocationId => "invocation";

        public override string FunctionId => name;

        public override TraceContext TraceContext => null!;

        public override BindingContext BindingContext => null!;

        public override RetryContext RetryContext => null!;

        public override IServiceProvider InstanceServices { get; set; } = null!;

        public override FunctionDefinition FunctionDefinition { get; } = new Definition(name);

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = http };

        public override IInvocationFeatures Features => null!;
    }

    private sealed class Definition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => string.Empty;

        public override string EntryPoint => string.Empty;

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
