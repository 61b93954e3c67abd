using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// One thread-safe <see cref="ChatClient"/> per model, endpoint and credential, created on first use and kept: the SDK's
/// clients are meant to be long-lived singletons.
/// </summary>
/// <param name="options">Endpoint, credentials, timeouts and retry settings.</param>
/// <param name="access">Decides how requests authenticate.</param>
/// <param name="time">The clock retries wait on.</param>
/// <param name="http">The HTTP client for model calls, when the host registers one.</param>
public sealed class ChatClients(IOptionsMonitor<VisionOptions> options, VisionAccess access, TimeProvider time, VisionHttpClient? http = null)
{
    private readonly ConcurrentDictionary<(string Model, Uri? Endpoint, VisionCredentialKind Kind, string? Key, string Scope), ChatClient> _clients = new();

    /// <summary>The client for <paramref name="model"/> at the configured endpoint.</summary>
    /// <param name="model">The model id.</param>
    /// <exception cref="InvalidOperationException">No API key or Entra ID is configured.</exception>
    public ChatClient For(string model)
    {
        var vision = options.CurrentValue;
        var kind = VisionAccess.KindOf(vision);
        var key = (model, vision.Endpoint, kind, kind == VisionCredentialKind.ApiKey ? vision.ApiKey : null, vision.TokenScope);
        return _clients.GetOrAdd(key, k => new ChatClient(k.Model, access.PolicyFor(vision), ClientOptions(vision, time, http)));
    }

    /// <summary>The SDK options every TimeVision client uses: endpoint, network timeout, bounded retries, try counting.</summary>
    /// <param name="options">The vision settings.</param>
    /// <param name="time">The clock retries wait on.</param>
    /// <param name="http">The HTTP client for model calls, if the host registered one.</param>
    public static OpenAIClientOptions ClientOptions(VisionOptions options, TimeProvider time, VisionHttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = options.RequestTimeout,
            RetryPolicy = new BoundedRetryPolicy(options, time),
        };
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        if (http is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(http.Client);
        }

        clientOptions.AddPolicy(new TryCounter(), PipelinePosition.PerTry);
        return clientOptions;
    }
}
