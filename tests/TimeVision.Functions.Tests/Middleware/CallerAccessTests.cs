using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TimeVision.Functions.Middleware;

namespace TimeVision.Functions.Tests.Middleware;

/// <summary>Who may call which HTTP function, from the principal App Service authentication passes on.</summary>
public sealed class CallerAccessTests
{
    private static readonly AccessOptions Platform = new();

    [Fact]
    public void A_call_without_a_signed_in_principal_is_401_but_the_page_is_served()
    {
        var request = Request(principal: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, CallerAccess.Refusal(request, CallerAccess.Rule.SignedIn, Platform)!.StatusCode);
        Assert.Equal("sign_in_required", Code(CallerAccess.Refusal(request, CallerAccess.Rule.SignedIn, Platform)!));
        Assert.Null(CallerAccess.Refusal(request, CallerAccess.Rule.Page, Platform));
    }

    [Fact]
    public void A_signed_in_estimator_may_call_the_api_but_not_an_admin_action()
    {
        var request = Request(Principal("jana@shop.example"));

        Assert.Null(CallerAccess.Refusal(request, CallerAccess.Rule.SignedIn, Platform));
        var refusal = CallerAccess.Refusal(request, CallerAccess.Rule.Admin, Platform)!;
        Assert.Equal(StatusCodes.Status403Forbidden, refusal.StatusCode);
        Assert.Equal("admin_role_required", Code(refusal));
    }

    [Fact]
    public void The_admin_app_role_allows_admin_actions_for_people_and_machine_clients_alike()
    {
        Assert.Null(CallerAccess.Refusal(Request(Principal("petr@shop.example", "TimeVision.Admin")), CallerAccess.Rule.Admin, Platform));
        Assert.Null(CallerAccess.Refusal(Request(Principal("erp-client", "TimeVision.Admin", roleType: "roles")), CallerAccess.Rule.Admin, Platform));
    }

    [Fact]
    public void A_principal_header_that_is_not_one_is_no_sign_in()
    {
        Assert.Equal(StatusCodes.Status401Unauthorized, CallerAccess.Refusal(Request("not base64 at all"), CallerAccess.Rule.SignedIn, Platform)!.StatusCode);
        Assert.Equal(
            StatusCodes.Status401Unauthorized,
            CallerAccess.Refusal(Request(Convert.ToBase64String("{}"u8.ToArray())), CallerAccess.Rule.SignedIn, Platform)!.StatusCode);
    }

    [Fact]
    public void Open_access_for_a_developer_machine_lets_every_call_through()
    {
        Assert.Null(CallerAccess.Refusal(Request(principal: null), CallerAccess.Rule.Admin, new AccessOptions { Mode = "open" }));
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

    private static string Code(ObjectResult result) =>
        JsonSerializer.SerializeToElement(result.Value).GetProperty("error").GetProperty("code").GetString()!;
}
