using System.ComponentModel.DataAnnotations;

namespace TimeVision.Functions.Middleware;

/// <summary>Who may call the HTTP API of the Functions app (<see cref="CallerAccess"/>).</summary>
public sealed class AccessOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Access";

    /// <summary>
    /// <c>platform</c> (the default): App Service authentication (Microsoft Entra ID) signs callers in and the app reads
    /// who they are from the principal it passes on; a call without one is 401. <c>open</c>: no check at all, for
    /// <c>func start</c> on a developer's machine only.
    /// </summary>
    [Required]
    [RegularExpression("^(platform|open)$", ErrorMessage = "Access:Mode must be platform or open.")]
    public string Mode { get; set; } = "platform";

    /// <summary>The app role that admin actions (model activation, the training export, fine-tuning) need.</summary>
    [Required]
    public string AdminRole { get; set; } = "TimeVision.Admin";

    /// <summary>Whether every caller is let in unchecked.</summary>
    public bool IsOpen => string.Equals(Mode, "open", StringComparison.OrdinalIgnoreCase);
}
