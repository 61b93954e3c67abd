using System.Text;
using Microsoft.AspNetCore.Http;
using TimeVision.Api.Access;

namespace TimeVision.Infra.Tests;

/// <summary>
/// Nothing <c>infra/</c> deploys believes a principal a caller wrote: for each parameter file in <c>infra/checks/</c>
/// (both hostings, with and without an app registration), what the app is given and what the platform puts in front.
/// </summary>
public sealed class SignInTemplateTests
{
    /// <summary>What anyone on the internet can send: a principal holding the admin role, base64 JSON.</summary>
    private static readonly string ForgedAdmin = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"claims":[{"typ":"roles","val":"TimeVision.Admin"}]}"""));

    public static TheoryData<string> CheckFiles => [.. CheckDeployment.Files];

    [Theory]
    [MemberData(nameof(CheckFiles))]
    public void A_forged_admin_principal_is_refused_by_what_each_check_file_deploys(string file)
    {
        var deployment = CheckDeployment.Of(file);
        var environment = deployment.Environment;
        var request = new DefaultHttpContext { Request = { Method = "POST", Scheme = "https", Host = new HostString("timevision.example") } }.Request;
        request.Headers[CallerAccess.PrincipalHeader] = ForgedAdmin;

        // With its sign-in on, the platform removes a principal header a caller sends (App Service and Container Apps
        // authentication alike: "external requests aren't allowed to set these headers").
        if (deployment.SignInOn)
        {
            request.Headers.Remove(CallerAccess.PrincipalHeader);
        }

        var signIn = PlatformSignInEvidence.Of(name => environment.GetValueOrDefault(name), deployment.Access);
        var refusal = CallerAccess.Refusal(request, CallerAccess.Rule.Admin, deployment.Access, signIn);

        Assert.NotNull(refusal);
        Assert.Equal(StatusCodes.Status401Unauthorized, refusal.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CheckFiles))]
    public void Without_an_app_registration_the_app_runs_closed_and_with_one_behind_the_platforms_sign_in(string file)
    {
        var deployment = CheckDeployment.Of(file);
        var registered = deployment.AuthClientId.Length > 0;

        Assert.Equal(file.StartsWith("containerapps", StringComparison.Ordinal) ? "containerapp" : "functionapp", deployment.Hosting);
        Assert.Equal(registered ? "platform" : "closed", deployment.AccessSettings["Access__Mode"]);
        Assert.Equal(registered, deployment.SignInOn);
        Assert.Equal(registered && deployment.Hosting == "containerapp" ? "true" : "false", deployment.AccessSettings["Access__ContainerAppsSignIn"]);
        if (registered)
        {
            var validation = ArmExpression.Property(deployment.SignInProperties, "globalValidation");
            Assert.Equal("RedirectToLoginPage", ArmExpression.Property(validation, "unauthenticatedClientAction"));
            Assert.Equal(
                deployment.AuthClientId,
                ArmExpression.Property(ArmExpression.Property(ArmExpression.Property(ArmExpression.Property(deployment.SignInProperties, "identityProviders"), "azureActiveDirectory"), "registration"), "clientId"));
            Assert.Equal(
                deployment.Hosting == "containerapp" ? PlatformSignIn.ContainerApps : PlatformSignIn.AppService,
                PlatformSignInEvidence.Of(name => deployment.Environment.GetValueOrDefault(name), deployment.Access));
        }
    }

    [Fact]
    public void The_checks_cover_both_hostings_with_and_without_sign_in()
    {
        Assert.Equal(
            ["containerapps-signin.bicepparam", "containerapps.bicepparam", "elasticpremium-signin.bicepparam", "elasticpremium.bicepparam"],
            CheckDeployment.Files);
    }
}
