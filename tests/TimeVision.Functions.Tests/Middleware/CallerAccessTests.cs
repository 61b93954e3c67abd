using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Functions.Middleware;

namespace TimeVision.Functions.Tests.Middleware;

/// <summary>Who may call which HTTP function, from the principal the platform's sign-in passes on, in each access mode.</summary>
public sealed class CallerAccessTests
{
    private static readonly AccessOptions Platform = new();

    /// <summary>What anyone can send: a principal holding the admin role, as the finding showed it.</summary>
    private static readonly string ForgedAdmin = Convert.ToBase64String("""{"claims":[{"typ":"roles","val":"TimeVision.Admin"}]}"""u8.ToArray());

    [Fact]
    public void A_call_without_a_signed_in_principal_is_401_but_the_page_is_served()
    {
        var request = Request(principal: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, CallerAccess.Refusal(request, CallerAccess.Rule.SignedIn, Platform, PlatformSignIn.AppService)!.StatusCode);
        Assert.Equal("sign_in_required", Code(CallerAccess.Refusal(request, CallerAccess.Rule.SignedIn, Platform, PlatformSignIn.AppService)!));
        Assert.Null(CallerAccess.Refusal(request, CallerAccess.Rule.Page, Platform, PlatformSignIn.AppService));
    }

    [Fact]
    public void A_signed_in_estimator_may_call_the_api_but_not_an_admin_action()
    {
        var request = Request(Principal("jana@shop.example"));

        Assert.Null(CallerAccess.Refusal(request, CallerAccess.Rule.SignedIn, Platform, PlatformSignIn.AppService));
        var refusal = CallerAccess.Refusal(request, CallerAccess.Rule.Admin, Platform, PlatformSignIn.AppService)!;
        Assert.Equal(StatusCodes.Status403Forbidden, refusal.StatusCode);
        Assert.Equal("admin_role_required", Code(refusal));
    }

    [Fact]
    public void The_admin_app_role_allows_admin_actions_for_people_and_machine_clients_alike()
    {
        Assert.Null(CallerAccess.Refusal(Request(Principal("petr@shop.example", "TimeVision.Admin")), CallerAccess.Rule.Admin, Platform, PlatformSignIn.AppService));
        Assert.Null(CallerAccess.Refusal(Request(Principal("erp-client", "TimeVision.Admin", roleType: "roles")), CallerAccess.Rule.Admin, Platform, PlatformSignIn.ContainerApps));
    }

    [Fact]
    public void A_principal_header_that_is_not_one_is_no_sign_in()
    {
        Assert.Equal(StatusCodes.Status401Unauthorized, CallerAccess.Refusal(Request("not base64 at all"), CallerAccess.Rule.SignedIn, Platform, PlatformSignIn.AppService)!.StatusCode);
        Assert.Equal(
            StatusCodes.Status401Unauthorized,
            CallerAccess.Refusal(Request(Convert.ToBase64String("{}"u8.ToArray())), CallerAccess.Rule.SignedIn, Platform, PlatformSignIn.AppService)!.StatusCode);
    }

    [Theory]
    [InlineData(PlatformSignIn.None)]
    [InlineData(PlatformSignIn.AppService)]
    [InlineData(PlatformSignIn.ContainerApps)]
    public void Closed_mode_answers_every_api_call_sign_in_not_configured_whatever_the_caller_sends_but_serves_the_page(PlatformSignIn signIn)
    {
        var closed = new AccessOptions { Mode = "closed" };

        foreach (var rule in new[] { CallerAccess.Rule.SignedIn, CallerAccess.Rule.Admin })
        {
            var refusal = CallerAccess.Refusal(Request(ForgedAdmin), rule, closed, signIn)!;
            Assert.Equal(StatusCodes.Status401Unauthorized, refusal.StatusCode);
            Assert.Equal(CallerAccess.SignInNotConfigured, Code(refusal));
        }

        Assert.Null(CallerAccess.Refusal(Request(ForgedAdmin), CallerAccess.Rule.Page, closed, signIn));
    }

    [Theory]
    [InlineData("""{"claims":[{"typ":"roles","val":"TimeVision.Admin"}]}""")]
    [InlineData("""{"role_typ":"x","claims":[{"typ":"x","val":"TimeVision.Admin"}]}""")]
    public void Platform_mode_without_the_platforms_sign_in_believes_no_principal_header(string principal)
    {
        var request = Request(Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));

        foreach (var rule in new[] { CallerAccess.Rule.SignedIn, CallerAccess.Rule.Admin })
        {
            var refusal = CallerAccess.Refusal(request, rule, Platform, PlatformSignIn.None)!;
            Assert.Equal(StatusCodes.Status401Unauthorized, refusal.StatusCode);
            Assert.Equal(CallerAccess.PlatformSignInOff, Code(refusal));
        }
    }

    [Fact]
    public void Platform_mode_with_the_platforms_sign_in_believes_the_principal_it_passes_on()
    {
        // The platform strips a caller's own header, so what arrives is the platform's.
        Assert.Null(CallerAccess.Refusal(Request(ForgedAdmin), CallerAccess.Rule.Admin, Platform, PlatformSignIn.AppService));
    }

    [Fact]
    public void Open_access_for_a_developer_machine_lets_every_call_through()
    {
        Assert.Null(CallerAccess.Refusal(Request(principal: null), CallerAccess.Rule.Admin, new AccessOptions { Mode = "open" }, PlatformSignIn.None));
    }

    private static HttpRequest Request(string? principal)
    {
        var request = FunctionsHarness.Request("GET");
        if (principal is not null)
        {
            request.Headers[CallerAccess.PrincipalHeader] = principal;
        }

        return request;
    }

    /// <summary>The principal as App Service authentication encodes it.</summary>
    private static string Principal(string name, string? role = null, string roleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        if (role is not null)
        {
            claims.Add(new { typ = roleType, val = role });
        }

        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static string Code(JsonHttpResult<ApiErrorBody> result) =>
        JsonSerializer.SerializeToElement(result.Value).GetProperty("error").GetProperty("code").GetString()!;
}
