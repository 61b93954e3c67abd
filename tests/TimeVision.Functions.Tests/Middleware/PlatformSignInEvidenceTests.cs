using Microsoft.Extensions.Hosting.Internal;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Functions.Middleware;

namespace TimeVision.Functions.Tests.Middleware;

/// <summary>What shows the platform's sign-in is on, and where <c>open</c> mode is allowed.</summary>
public sealed class PlatformSignInEvidenceTests
{
    [Theory]
    [InlineData("True", PlatformSignIn.AppService)]
    [InlineData("true", PlatformSignIn.AppService)]
    [InlineData("False", PlatformSignIn.None)]
    [InlineData(null, PlatformSignIn.None)]
    public void App_Service_says_whether_its_authentication_is_on(string? websiteAuthEnabled, PlatformSignIn expected)
    {
        var environment = new Dictionary<string, string?> { [PlatformSignInEvidence.AppServiceVariable] = websiteAuthEnabled };

        Assert.Equal(expected, PlatformSignInEvidence.Of(environment.GetValueOrDefault, new AccessOptions()));
    }

    [Theory]
    [InlineData("func-timevision-x", true, PlatformSignIn.ContainerApps)]
    [InlineData("func-timevision-x", false, PlatformSignIn.None)]
    [InlineData(null, true, PlatformSignIn.None)]
    public void On_Container_Apps_the_templates_declaration_counts_only_inside_a_container_app(string? containerAppName, bool declared, PlatformSignIn expected)
    {
        var environment = new Dictionary<string, string?> { [PlatformSignInEvidence.ContainerAppVariable] = containerAppName };

        Assert.Equal(expected, PlatformSignInEvidence.Of(environment.GetValueOrDefault, new AccessOptions { ContainerAppsSignIn = declared }));
    }

    [Theory]
    [InlineData("open", "Development", true)]
    [InlineData("open", "Production", false)]
    [InlineData("open", "Staging", false)]
    [InlineData("closed", "Production", true)]
    [InlineData("platform", "Production", true)]
    public void Open_mode_is_allowed_in_the_Development_environment_only(string mode, string environmentName, bool allowed)
    {
        var validator = new AccessOptionsValidator(new HostingEnvironment { EnvironmentName = environmentName });

        var result = validator.Validate(null, new AccessOptions { Mode = mode });

        Assert.Equal(allowed, result.Succeeded);
        if (!allowed)
        {
            Assert.Contains("Access:Mode open", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
