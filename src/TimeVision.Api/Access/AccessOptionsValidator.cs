using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TimeVision.Api.Access;

/// <summary>
/// Refuses <c>Access:Mode</c> <c>open</c> outside the Development environment (<c>AZURE_FUNCTIONS_ENVIRONMENT</c>, which
/// <c>func start</c> and <c>local.settings.sample.json</c> set to Development and Azure leaves at Production), so a
/// setting copied from a developer's machine cannot open a deployed app to everyone.
/// </summary>
/// <param name="environment">The host's environment.</param>
public sealed class AccessOptionsValidator(IHostEnvironment environment) : IValidateOptions<AccessOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsOpen && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail(
                $"Access:Mode open lets every caller in unchecked and is for func start on a developer's machine (the Development environment); this host runs as {environment.EnvironmentName}. Use platform or closed.")
            : ValidateOptionsResult.Success;
    }
}
