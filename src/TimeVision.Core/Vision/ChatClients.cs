using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace TimeVision.Core.Vision;

/// <summary>
/// One thread-safe <see cref="ChatClient"/> per model, endpoint and key, created on first use and kept: the SDK's
/// clients are meant to be long-lived singletons.
/// </summary>
public sealed class ChatClients
{
    private readonly ConcurrentDictionary<(string Model, Uri? Endpoint, string Key), ChatClient> _clients = new();
    private readonly IOptionsMonitor<VisionOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the cache.</summary>
    /// <param name="options">Endpoint, key, timeouts and retry settings.</param>
    /// <param name="time">The clock retries wait on.</param>
    public ChatClients(IOptionsMonitor<VisionOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The client for <paramref name="model"/> at the configured endpoint.</summary>
    /// <param name="model">The model id.</param>
    /// <exception cref="InvalidOperationException">No API key is configured.</exception>
    public ChatClient For(string model)
    {
        var options = _options.CurrentValue;
        var key = options.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(MissingKeyMessage);
        }

        return _clients.GetOrAdd((model, options.Endpoint, key), k => new ChatClient(k.Model, new ApiKeyCredential(k.Key), ClientOptions(options, _time)));
    }

    /// <summary>What to tell a person who has not configured a key.</summary>
    public const string MissingKeyMessage =
        "No OpenAI API key is configured: set the environment variable OPENAI_API_KEY (or Vision__ApiKey), and OPENAI_BASE_URL for a non-OpenAI endpoint.";

    /// <summary>The SDK options every TimeVision client uses: endpoint, network timeout, bounded retries, try counting.</summary>
    /// <param name="options">The vision settings.</param>
    /// <param name="time">The clock retries wait on.</param>
    public static OpenAIClientOptions ClientOptions(VisionOptions options, TimeProvider time)
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

        clientOptions.AddPolicy(new TryCounter(), PipelinePosition.PerTry);
        return clientOptions;
    }
}
