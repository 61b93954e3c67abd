using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace TimeVision.Testing.FakeOpenAI;

/// <summary>
/// An OpenAI-compatible HTTP server on 127.0.0.1 for tests. It checks each chat completion request as the real API
/// would (auth header, model, message and content-part shapes, the image data URL, <c>detail</c>, temperature,
/// token limit, <c>response_format</c>) and answers with scripted <see cref="FakeReply"/>s in the real API's shapes.
/// A request that breaks the API's rules gets a 400 and is listed in <see cref="Violations"/>. It can also play
/// providers that differ from OpenAI (<see cref="RejectedParameters"/>, <see cref="RejectsAdditionalProperties"/>,
/// <see cref="IgnoresResponseFormat"/>): what they reject is answered as they answer it and is not a violation.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    /// <summary>The key clients must send.</summary>
    public const string ApiKey = "test-key-not-a-secret";

    private readonly bool _https;
    private WebApplication? _app;
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<string> _rejections = new();
    private readonly ConcurrentDictionary<string, byte> _bearerTokens = new(StringComparer.Ordinal) { [ApiKey] = 0 };
    private int _completionCount;
    private int _modelLookups;

    private FakeOpenAIServer(bool https)
    {
        _https = https;
        Certificate = https ? SelfSignedLoopbackCertificate() : null;
        FineTuning = new FakeFineTuningApi(IsAuthorized, _violations.Enqueue);
    }

    /// <summary>
    /// Request parameters this server answers with OpenAI's <c>400 unsupported_parameter</c>, as reasoning models do for
    /// <c>temperature</c> and <c>max_tokens</c>.
    /// </summary>
    public ISet<string> RejectedParameters { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Answers a <c>response_format</c> schema holding <c>additionalProperties</c> with a 400, as Gemini's compatibility layer does.</summary>
    public bool RejectsAdditionalProperties { get; set; }

    /// <summary>Takes any <c>response_format</c> without checking or honouring it, as Anthropic's compatibility layer does.</summary>
    public bool IgnoresResponseFormat { get; set; }

    /// <summary>The <c>shutdown_date</c> that <c>GET /v1/models/{id}</c> reports per model id (null: the field is null); other ids are 404.</summary>
    public ConcurrentDictionary<string, string?> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>How many <c>GET /v1/models/{id}</c> requests arrived.</summary>
    public int ModelLookups => _modelLookups;

    /// <summary>Every request this server rejected as its provider would (not violations): the parameter or keyword named.</summary>
    public IReadOnlyList<string> Rejections => [.. _rejections];

    /// <summary>Accepts <paramref name="token"/> as a bearer token besides <see cref="ApiKey"/> (an Entra ID access token, say).</summary>
    public void AcceptBearerToken(string token) => _bearerTokens[token] = 0;

    private bool IsAuthorized(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header
        && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && _bearerTokens.ContainsKey(header["Bearer ".Length..]);

    /// <summary>The files and fine-tuning endpoints, and their jobs.</summary>
    public FakeFineTuningApi FineTuning { get; }

    /// <summary>The base URL to give the SDK, ending in <c>/v1/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The model every request must name; <see langword="null"/> accepts any.</summary>
    public string? ExpectedModel { get; set; }

    /// <summary>Answers requests once the script is empty; by default every such request is a violation.</summary>
    public Func<RecordedRequest, FakeReply>? Fallback { get; set; }

    /// <summary>Every valid chat completion request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Every way a request broke the API's rules.</summary>
    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>The server's own certificate when it speaks HTTPS (bearer tokens from Entra ID travel only over TLS): pin it in the client.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Starts a server on a free loopback port; with <paramref name="https"/>, over TLS with a fresh self-signed certificate.</summary>
    public static async Task<FakeOpenAIServer> StartAsync(bool https = false)
    {
        var server = new FakeOpenAIServer(https);
        var address = await server.ListenAsync(port: 0);
        server.BaseUrl = new Uri($"{address}/v1/");
        return server;
    }

    /// <summary>
    /// Stops listening, as an endpoint that is down: connections to <see cref="BaseUrl"/> are refused until
    /// <see cref="RestartAsync"/>. Requests under way are answered first.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Listens again on the same port after <see cref="StopAsync"/>, with the same script, fallback and records.</summary>
    public async Task RestartAsync()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The fake OpenAI server is already listening.");
        }

        await ListenAsync(BaseUrl.Port);
    }

    private async Task<string> ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (Certificate is { } certificate)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(tls => tls.ServerCertificate = certificate));
        }

        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"{(_https ? "https" : "http")}://127.0.0.1:{port}"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", ChatCompletionsAsync);
        app.MapGet("/v1/models/{id}", GetModelAsync);
        FineTuning.Map(app);
        await app.StartAsync();
        _app = app;
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>An HTTP client that trusts this server's certificate and nothing else.</summary>
    public HttpClient PinnedHttpClient() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && Certificate is not null && presented.RawData.AsSpan().SequenceEqual(Certificate.RawData),
    });

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>Adds replies to the script, answered in order.</summary>
    public FakeOpenAIServer Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task GetModelAsync(HttpContext context, string id)
    {
        Interlocked.Increment(ref _modelLookups);
        if (!IsAuthorized(context.Request))
        {
            await WriteErrorAsync(context.Response, 401, "invalid_api_key", "Incorrect API key provided.");
            return;
        }

        if (!Models.TryGetValue(id, out var shutdownDate))
        {
            await WriteErrorAsync(context.Response, 404, "model_not_found", $"The model '{id}' does not exist.");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["id"] = id,
            ["object"] = "model",
            ["created"] = 1_722_902_400,
            ["owned_by"] = "system",
            ["shutdown_date"] = shutdownDate,
        }.ToJsonString());
    }

    private async Task ChatCompletionsAsync(HttpContext context)
    {
        if (await ProviderRejectionAsync(context) is { } rejected)
        {
            _rejections.Enqueue(rejected);
            return;
        }

        var (request, problem) = await ReadAsync(context.Request);
        if (request is null)
        {
            _violations.Enqueue(problem!);
            await WriteErrorAsync(context.Response, problem!.StartsWith("auth", StringComparison.Ordinal) ? 401 : 400, "invalid_request_error", problem);
            return;
        }

        _requests.Enqueue(request);
        var reply = _script.TryDequeue(out var scripted) ? scripted : Fallback?.Invoke(request);
        if (reply is null)
        {
            _violations.Enqueue("A request arrived with no scripted reply left.");
            await WriteErrorAsync(context.Response, 500, "server_error", "No scripted reply.");
            return;
        }

        try
        {
            if (reply.HeldUntil is { } held)
            {
                await held.WaitAsync(context.RequestAborted);
            }

            await Task.Delay(reply.Delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the client gave up, as it should on a reply slower than its timeout
        }

        switch (reply)
        {
            case FakeReply.HttpError error:
                if (error.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context.Response, error.Status, error.Code, error.Message);
                break;
            case FakeReply.Content content:
                await WriteCompletionAsync(context.Response, request.Model, content.Text, refusal: null, content.FinishReason);
                break;
            case FakeReply.Refusal refusal:
                await WriteCompletionAsync(context.Response, request.Model, content: null, refusal.Text);
                break;
        }
    }

    /// <summary>What this server's provider rejects before any other check, answered as that provider answers it.</summary>
    private async Task<string?> ProviderRejectionAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        JsonObject? body;
        try
        {
            body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject();
        }
        catch (JsonException)
        {
            body = null;
        }
        finally
        {
            context.Request.Body.Position = 0;
        }

        if (body is null || !IsAuthorized(context.Request))
        {
            return null;
        }

        if (RejectedParameters.FirstOrDefault(body.ContainsKey) is { } parameter)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = $"Unsupported parameter: '{parameter}' is not supported with this model.",
                    ["type"] = "invalid_request_error",
                    ["param"] = parameter,
                    ["code"] = "unsupported_parameter",
                },
            }.ToJsonString());
            return parameter;
        }

        if (RejectsAdditionalProperties && body["response_format"]?.ToJsonString().Contains("\"additionalProperties\"", StringComparison.Ordinal) == true)
        {
            // Gemini's compatibility layer answers with a list holding one error.
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonArray(new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = 400,
                    ["message"] = "Invalid JSON payload received. Unknown name \"additionalProperties\" at 'generation_config.response_schema': Cannot find field.",
                    ["status"] = "INVALID_ARGUMENT",
                },
            }).ToJsonString());
            return "additionalProperties";
        }

        return null;
    }

    private async Task<(RecordedRequest? Request, string? Problem)> ReadAsync(HttpRequest http)
    {
        if (!IsAuthorized(http))
        {
            return (null, "auth: the Authorization header is not 'Bearer <key>' with the configured key or an accepted token.");
        }

        JsonObject body;
        try
        {
            body = (await JsonNode.ParseAsync(http.Body))?.AsObject() ?? throw new JsonException("empty body");
        }
        catch (JsonException exception)
        {
            return (null, $"The body is not a JSON object: {exception.Message}");
        }

        var model = body["model"]?.GetValue<string>();
        if (string.IsNullOrEmpty(model) || (ExpectedModel is not null && model != ExpectedModel))
        {
            return (null, $"model is '{model}', expected '{ExpectedModel ?? "any non-empty id"}'.");
        }

        if (body.ContainsKey("temperature") && body["temperature"]?.GetValue<double>() is not 0)
        {
            return (null, "temperature, when sent, must be 0.");
        }

        if (body.ContainsKey("max_tokens"))
        {
            return (null, "max_tokens is deprecated and rejected by reasoning models: send max_completion_tokens.");
        }

        if (body.ContainsKey("max_completion_tokens") && body["max_completion_tokens"]?.GetValue<int>() is not > 0)
        {
            return (null, "max_completion_tokens, when sent, must be positive.");
        }

        if (body["reasoning_effort"] is { } effort && effort.GetValue<string>() is not ("minimal" or "low" or "medium" or "high"))
        {
            return (null, $"reasoning_effort '{effort}' is not minimal, low, medium or high.");
        }

        if (body["stream"]?.GetValue<bool>() is true || body["n"]?.GetValue<int>() is > 1)
        {
            return (null, "Streaming and n > 1 are not expected.");
        }

        if (body["messages"] is not JsonArray { Count: 2 } messages
            || messages[0]?["role"]?.GetValue<string>() != "system"
            || messages[1]?["role"]?.GetValue<string>() != "user")
        {
            return (null, "messages must be [system, user].");
        }

        var systemText = TextOf(messages[0]!["content"]);
        if (string.IsNullOrWhiteSpace(systemText))
        {
            return (null, "The system message has no text.");
        }

        if (messages[1]!["content"] is not JsonArray parts)
        {
            return (null, "The user message's content must be an array of parts.");
        }

        var imageParts = parts.Where(p => p?["type"]?.GetValue<string>() == "image_url").ToList();
        var textParts = parts.Where(p => p?["type"]?.GetValue<string>() == "text").ToList();
        if (imageParts.Count is < 1 or > 10 || textParts.Count != 1 || parts.Count != imageParts.Count + 1)
        {
            return (null, "The user message must hold one to ten image_url parts (a page, or a part's sheets) and one text part.");
        }

        (string Detail, int Width, int Height, int Bytes)? first = null;
        foreach (var imagePart in imageParts)
        {
            var (image, problem) = CheckImage(imagePart!);
            if (image is null)
            {
                return (null, problem);
            }

            first ??= image;
        }

        var (detail, width, height, bytes) = first!.Value;
        var structured = false;
        if (body["response_format"] is JsonObject format && !IgnoresResponseFormat)
        {
            var problem = CheckResponseFormat(format);
            if (problem is not null)
            {
                return (null, problem);
            }

            structured = format["type"]?.GetValue<string>() == "json_schema";
        }

        return (new RecordedRequest(
            model, systemText, TextOf(textParts[0]) ?? string.Empty, detail,
            width, height, bytes, structured, body) { Images = imageParts.Count }, null);
    }

    /// <summary>One image part: a PNG data URL with a valid detail; its detail, size and bytes, or what is wrong.</summary>
    private static ((string Detail, int Width, int Height, int Bytes)? Image, string? Problem) CheckImage(JsonNode imagePart)
    {
        var url = imagePart["image_url"]?["url"]?.GetValue<string>() ?? string.Empty;
        var detail = imagePart["image_url"]?["detail"]?.GetValue<string>() ?? "auto";
        if (detail is not ("high" or "low" or "auto"))
        {
            return (null, $"detail '{detail}' is not high, low or auto.");
        }

        const string prefix = "data:image/png;base64,";
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (null, "The image must be a PNG data URL.");
        }

        byte[] png;
        try
        {
            png = Convert.FromBase64String(url[prefix.Length..]);
        }
        catch (FormatException)
        {
            return (null, "The image data URL is not valid base64.");
        }

        using var codec = SKCodec.Create(new MemoryStream(png));
        return codec is null || codec.EncodedFormat != SKEncodedImageFormat.Png
            ? (null, "The image data URL does not decode to a PNG.")
            : ((detail, codec.Info.Width, codec.Info.Height, png.Length), null);
    }

    private static string? CheckResponseFormat(JsonObject format)
    {
        var type = format["type"]?.GetValue<string>();
        if (type is "json_object" or "text")
        {
            return null;
        }

        if (type != "json_schema" || format["json_schema"] is not JsonObject jsonSchema)
        {
            return $"response_format type '{type}' is not supported.";
        }

        if (string.IsNullOrEmpty(jsonSchema["name"]?.GetValue<string>()))
        {
            return "json_schema needs a name.";
        }

        if (jsonSchema["schema"] is not JsonObject schema)
        {
            return "json_schema has no schema.";
        }

        return jsonSchema["strict"]?.GetValue<bool>() is true ? CheckStrictSchema(schema, "schema") : null;
    }

    /// <summary>Strict mode's rules: every object closed, every property required, no keywords it rejects.</summary>
    private static string? CheckStrictSchema(JsonObject schema, string path)
    {
        foreach (var keyword in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "$schema", "$id" })
        {
            if (schema.ContainsKey(keyword))
            {
                return $"{path}: strict mode does not accept '{keyword}'.";
            }
        }

        if (schema["properties"] is JsonObject properties)
        {
            if (schema["additionalProperties"]?.GetValue<bool>() is not false)
            {
                return $"{path}: strict mode needs additionalProperties: false.";
            }

            var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            var missing = properties.Select(p => p.Key).Where(name => !required.Contains(name)).ToList();
            if (missing.Count > 0)
            {
                return $"{path}: strict mode needs every property required; missing {string.Join(", ", missing)}.";
            }

            foreach (var (name, child) in properties)
            {
                if (child is JsonObject childSchema && CheckStrictSchema(childSchema, $"{path}.{name}") is { } problem)
                {
                    return problem;
                }
            }
        }

        return schema["items"] is JsonObject items ? CheckStrictSchema(items, $"{path}[]") : null;
    }

    private static string? TextOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray array => string.Concat(array.Where(p => p?["type"]?.GetValue<string>() == "text").Select(p => p!["text"]?.GetValue<string>())),
        JsonObject part => part["text"]?.GetValue<string>(),
        _ => null,
    };

    private async Task WriteCompletionAsync(HttpResponse response, string model, string? content, string? refusal, string finishReason = "stop")
    {
        var id = Interlocked.Increment(ref _completionCount);
        var completionTokens = ((content ?? refusal ?? string.Empty).Length / 4) + 1;
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-fake{id}",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000 + id,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = 1105,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = 1105 + completionTokens,
            },
            ["system_fingerprint"] = "fp_fake",
        };
        response.ContentType = "application/json";
        await response.WriteAsync(completion.ToJsonString());
    }

    private static async Task WriteErrorAsync(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = code, ["param"] = null, ["code"] = code },
        };
        await response.WriteAsync(error.ToJsonString());
    }
}
