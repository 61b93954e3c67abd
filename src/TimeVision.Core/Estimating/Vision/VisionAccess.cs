using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics.CodeAnalysis;
using Azure.Core;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>How requests to the model endpoint authenticate.</summary>
public enum VisionCredentialKind
{
    /// <summary>Nothing is configured: no model can be called (the CLI falls back to the offline estimate).</summary>
    None,

    /// <summary>The API key, as a bearer token.</summary>
    ApiKey,

    /// <summary>Microsoft Entra ID through the registered <see cref="TokenCredential"/> (<c>DefaultAzureCredential</c>).</summary>
    EntraId,
}

/// <summary>
/// Decides, in one place for every host and client, how the model endpoint is reached: the API key when one is set;
/// otherwise Microsoft Entra ID when <see cref="VisionOptions.Authentication"/> says <c>entra</c>, or says <c>auto</c>
/// and the endpoint is an Azure one; otherwise nothing, and then no model can be called. A Key Vault reference the
/// platform did not resolve (<c>@Microsoft.KeyVault(…)</c> as the setting's literal text) is no key.
/// </summary>
/// <param name="credential">The app's one Entra ID credential.</param>
public sealed class VisionAccess(TokenCredential credential)
{
    /// <summary>What to tell a person who has configured no way in.</summary>
    public const string MissingCredentialMessage =
        "No OpenAI API key is configured: set the environment variable OPENAI_API_KEY (or Vision__ApiKey), and OPENAI_BASE_URL for a non-OpenAI endpoint. " +
        "For Azure OpenAI without a key, set the endpoint (https://RESOURCE.openai.azure.com/openai/v1/) and sign in (az login or a managed identity), or set Vision__Authentication=entra.";

    /// <summary>How an App Service Key Vault reference starts; the platform replaces it with the secret when it resolves.</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>Which way in <paramref name="options"/> configure.</summary>
    /// <param name="options">The vision settings.</param>
    public static VisionCredentialKind KindOf(VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasKey = IsKey(options.ApiKey);
        return options.Authentication switch
        {
            "key" => hasKey ? VisionCredentialKind.ApiKey : VisionCredentialKind.None,
            "entra" => VisionCredentialKind.EntraId,
            _ when hasKey => VisionCredentialKind.ApiKey,
            _ when IsAzureEndpoint(options.Endpoint) => VisionCredentialKind.EntraId,
            _ => VisionCredentialKind.None,
        };
    }

    /// <summary>Whether <paramref name="value"/> is a usable API key: not empty and not an unresolved Key Vault reference.</summary>
    /// <param name="value">A configured API key.</param>
    public static bool IsKey([NotNullWhen(true)] string? value) =>
        !string.IsNullOrWhiteSpace(value) && !IsUnresolvedKeyVaultReference(value);

    /// <summary>
    /// Whether <paramref name="value"/> is an App Service Key Vault reference the platform left as text: the secret is
    /// missing, or the app's identity cannot read it. Sent as a key it would only earn a 401.
    /// </summary>
    /// <param name="value">A configured setting.</param>
    public static bool IsUnresolvedKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="endpoint"/> is an Azure OpenAI or Azure AI Foundry endpoint.</summary>
    public static bool IsAzureEndpoint(Uri? endpoint) =>
        endpoint is { Host: var host }
        && (host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".services.ai.azure.com", StringComparison.OrdinalIgnoreCase));

    /// <summary>The SDK's authentication policy for <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">No way in is configured.</exception>
    public AuthenticationPolicy PolicyFor(VisionOptions options) => KindOf(options) switch
    {
        VisionCredentialKind.ApiKey => ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(new ApiKeyCredential(options.ApiKey!)),
        VisionCredentialKind.EntraId => new BearerTokenPolicy(credential, options.TokenScope),
        _ => throw new InvalidOperationException(MissingCredentialMessage),
    };
}
