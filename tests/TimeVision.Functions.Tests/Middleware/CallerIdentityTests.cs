using System.Text;
using System.Text.Json;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Functions.Middleware;

namespace TimeVision.Functions.Tests.Middleware;

/// <summary>Who a label records as its author: the signed-in principal, or in <c>serve</c> the token's role.</summary>
public sealed class CallerIdentityTests
{
    [Fact]
    public void The_principals_name_claim_is_read_as_its_name_typ_says()
    {
        var request = FunctionsHarness.Request("PUT");
        request.Headers[CallerAccess.PrincipalHeader] = Principal(
            "preferred_username", ("name", "Jana Nováková"), ("preferred_username", "jana@shop.example"));

        Assert.Equal("jana@shop.example", SignedInCaller.NameOf(request));
    }

    [Fact]
    public void Without_a_readable_principal_there_is_no_name()
    {
        var request = FunctionsHarness.Request("PUT");
        Assert.Null(SignedInCaller.NameOf(request));
        request.Headers[CallerAccess.PrincipalHeader] = "not base64";
        Assert.Null(SignedInCaller.NameOf(request));
    }

    [Fact]
    public void A_signed_in_name_replaces_the_given_one_and_a_tokens_role_is_kept_beside_it()
    {
        Assert.Equal("jana@shop.example", CallerIdentity.SignedIn("jana@shop.example").EnteredBy("Boss"));
        Assert.Equal("Jana (estimator)", CallerIdentity.TokenRole("estimator").EnteredBy(" Jana "));
        Assert.Equal("admin", CallerIdentity.TokenRole("admin").EnteredBy(null));
        Assert.Equal(200, CallerIdentity.TokenRole("estimator").EnteredBy(new string('x', 200)).Length);
        Assert.EndsWith(" (estimator)", CallerIdentity.TokenRole("estimator").EnteredBy(new string('x', 200)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_signed_in_without_a_name_is_recorded_by_its_client_id_never_by_the_name_it_gives()
    {
        var request = FunctionsHarness.Request("PUT");
        request.Headers[CallerAccess.PrincipalHeader] = Principal("name", [("azp", "0f1e2d3c-app"), ("roles", "TimeVision.Admin")]);

        SignedInCaller.Attach(request.HttpContext, new AccessOptions { Mode = "platform" });

        Assert.Equal("app:0f1e2d3c-app", CallerIdentity.Of(request.HttpContext)!.EnteredBy("Jana Nováková"));
    }

    [Theory]
    [InlineData(new[] { "TimeVision.Admin" }, "admin")]
    [InlineData(new[] { "TimeVision.Reader" }, "estimator")]
    [InlineData(new string[0], "estimator")]
    public void A_signed_in_callers_role_is_the_admin_only_with_the_admin_app_role(string[] roles, string expected)
    {
        var request = FunctionsHarness.Request("GET");
        request.Headers[CallerAccess.PrincipalHeader] = Principal("name", [("name", "Jana"), .. roles.Select(r => ("roles", r))]);

        SignedInCaller.Attach(request.HttpContext, new AccessOptions { Mode = "platform" });

        Assert.Equal(expected, CallerRole.Of(request.HttpContext).Role);
        Assert.Equal(expected, JsonSerializer.SerializeToElement(Api.Handlers.CallerApi.Get(request).Value).GetProperty("role").GetString());
    }

    [Fact]
    public void With_access_open_no_one_is_checked_and_every_caller_is_the_admin()
    {
        var request = FunctionsHarness.Request("GET");

        SignedInCaller.Attach(request.HttpContext, new AccessOptions { Mode = "open" });

        Assert.Equal("admin", CallerRole.Of(request.HttpContext).Role);
    }

    private static string Principal(string nameType, params (string Type, string Value)[] claims)
    {
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = nameType, claims = claims.Select(c => new { typ = c.Type, val = c.Value }) });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
