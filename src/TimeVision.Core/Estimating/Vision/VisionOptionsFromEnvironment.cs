using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// Completes <see cref="VisionOptions"/> from the OpenAI SDK's own environment variables (<c>OPENAI_API_KEY</c>,
/// <c>OPENAI_BASE_URL</c>) for anyone who already has them set, and drops an API key that is an App Service Key Vault
/// reference the platform left unresolved: sent as a key it would only earn a 401, while no key lets the app fall
/// back (Entra ID for an Azure endpoint, the offline estimate). That is said once per host, as a warning naming the
/// setting, never its value.
/// </summary>
internal sealed class VisionOptionsFromEnvironment(IConfiguration configuration, ILogger<VisionAccess> logger) : IPostConfigureOptions<VisionOptions>
{
    private const string ApiKeySetting = VisionOptions.SectionName + ":" + nameof(VisionOptions.ApiKey);
    private const string ApiKeyVariable = "OPENAI_API_KEY";

    private int _warned;

    /// <inheritdoc />
    public void PostConfigure(string? name, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? unresolved = null;
        if (VisionAccess.IsUnresolvedKeyVaultReference(options.ApiKey))
        {
            unresolved = ApiKeySetting;
            options.ApiKey = null;
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            var variable = configuration[ApiKeyVariable];
            if (VisionAccess.IsUnresolvedKeyVaultReference(variable))
            {
                unresolved ??= ApiKeyVariable;
                variable = null;
            }

            options.ApiKey = variable;
        }

        if (unresolved is not null && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Log.UnresolvedKeyVaultReference(logger, unresolved);
        }

        if (options.Endpoint is null && Uri.TryCreate(configuration["OPENAI_BASE_URL"], UriKind.Absolute, out var endpoint))
        {
            options.Endpoint = endpoint;
        }
    }
}
