namespace TimeVision.Core.Estimating.Vision;

/// <summary>What kind of endpoint a model's base URL is, as the model information, the model check and the retirement dates name it.</summary>
public static class EndpointKinds
{
    /// <summary><c>openai</c> (no URL or api.openai.com), <c>azure_openai</c> (an Azure OpenAI or AI Foundry host) or <c>other</c>.</summary>
    /// <param name="endpoint">The configured base URL, if any.</param>
    public static string Of(Uri? endpoint) => endpoint switch
    {
        null => "openai",
        { Host: "api.openai.com" } => "openai",
        { Host: var host } when host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".services.ai.azure.com", StringComparison.OrdinalIgnoreCase) => "azure_openai",
        _ => "other",
    };
}
