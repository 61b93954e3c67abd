using System.ComponentModel.DataAnnotations;

namespace TimeVision.Api.Access;

/// <summary>Who may call the HTTP API of the Functions app (<see cref="CallerAccess"/>).</summary>
public sealed class AccessOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Access";

    /// <summary>
    /// <c>platform</c> (the default): the platform's sign-in (App Service or Container Apps authentication with
    /// Microsoft Entra ID) signs callers in and the app reads who they are from the principal it passes on, but only
    /// where <see cref="PlatformSignInEvidence"/> shows that sign-in is on; otherwise every call is 401. <c>closed</c>:
    /// no sign-in is set up, so every API call is 401 <c>sign_in_not_configured</c> (what <c>infra/</c> deploys without
    /// an app registration). <c>open</c>: no check at all, for <c>func start</c> on a developer's machine; refused at
    /// start outside the Development environment.
    /// </summary>
    [Required]
    [RegularExpression("^(platform|closed|open)$", ErrorMessage = "Access:Mode must be platform, closed or open.")]
    public string Mode { get; set; } = "platform";

    /// <summary>The app role that admin actions (model activation, the training export, fine-tuning) need.</summary>
    [Required]
    public string AdminRole { get; set; } = "TimeVision.Admin";

    /// <summary>
    /// Whether Container Apps authentication (an <c>authConfigs</c> resource) stands in front of the app. Container Apps
    /// tells the container nothing of it, unlike App Service (<c>WEBSITE_AUTH_ENABLED</c>), so <c>infra/</c> sets this
    /// to <see langword="true"/> only together with that resource. It counts only inside a container app.
    /// </summary>
    public bool ContainerAppsSignIn { get; set; }

    /// <summary>Whether every caller is let in unchecked.</summary>
    public bool IsOpen => string.Equals(Mode, "open", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether every API caller is turned away because no sign-in is set up.</summary>
    public bool IsClosed => string.Equals(Mode, "closed", StringComparison.OrdinalIgnoreCase);
}
