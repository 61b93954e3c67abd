namespace TimeVision.Api.Access;

/// <summary>What shows that the platform's sign-in stands in front of the app, if anything does.</summary>
public enum PlatformSignIn
{
    /// <summary>Nothing shows it: a principal header may have come from anyone, and is not believed.</summary>
    None,

    /// <summary>App Service (Elastic Premium) authentication, which says so itself in <c>WEBSITE_AUTH_ENABLED</c>.</summary>
    AppService,

    /// <summary>Container Apps authentication, which <c>infra/</c> declares with <c>Access:ContainerAppsSignIn</c>.</summary>
    ContainerApps,
}

/// <summary>
/// Decides, from the process environment, whether the platform's sign-in is on. Only then does the platform remove a
/// <c>X-MS-CLIENT-PRINCIPAL</c> header a caller sends and put in its own; without it the header is whatever the caller
/// wrote. App Service injects <c>WEBSITE_AUTH_ENABLED=True</c> when its authentication is enabled (read-only, set by the
/// platform). Container Apps injects no such variable, so the template's own <see cref="AccessOptions.ContainerAppsSignIn"/>,
/// set only with the <c>authConfigs</c> resource, counts there, and only inside a container app (<c>CONTAINER_APP_NAME</c>,
/// which Container Apps injects into every container).
/// </summary>
public static class PlatformSignInEvidence
{
    /// <summary>The variable App Service sets to <c>True</c> when its authentication is enabled.</summary>
    public const string AppServiceVariable = "WEBSITE_AUTH_ENABLED";

    /// <summary>The variable Container Apps sets in every container app's container: the app's name.</summary>
    public const string ContainerAppVariable = "CONTAINER_APP_NAME";

    /// <summary>What shows that the platform's sign-in is on.</summary>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <param name="access">The access settings.</param>
    public static PlatformSignIn Of(Func<string, string?> environment, AccessOptions access)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(access);
        if (string.Equals(environment(AppServiceVariable), "True", StringComparison.OrdinalIgnoreCase))
        {
            return PlatformSignIn.AppService;
        }

        return access.ContainerAppsSignIn && !string.IsNullOrEmpty(environment(ContainerAppVariable)) ? PlatformSignIn.ContainerApps : PlatformSignIn.None;
    }
}
