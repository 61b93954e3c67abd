using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Functions.Middleware;

namespace TimeVision.Functions.Tests.Middleware;

/// <summary>An exception no HTTP function answered reaches the caller as the API's error shape, never as a bare 500 or its text.</summary>
public sealed class UnhandledHttpErrorsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unanswered_exception_becomes_internal_error_with_a_correlation_id_and_its_text_only_in_the_log()
    {
        var (status, body, log) = await InvokeAsync(new InvalidOperationException("secret-account.blob.core.windows.net said no"));

        var error = body.GetProperty("error");
        Assert.Equal(500, status);
        Assert.Equal("internal_error", error.GetProperty("code").GetString());
        Assert.DoesNotContain("secret-account", body.GetRawText(), StringComparison.Ordinal);
        var correlationId = error.GetProperty("correlationId").GetString()!;
        Assert.Contains(log, line => line.Contains(correlationId, StringComparison.Ordinal) && line.Contains("secret-account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_becomes_503_storage_unavailable()
    {
        var (status, body, _) = await InvokeAsync(new HttpRequestException("Connection refused (127.0.0.1:10000)"));

        Assert.Equal(503, status);
        Assert.Equal("storage_unavailable", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_full_disk_becomes_507_storage_full()
    {
        Assert.SkipUnless(File.Exists("/dev/full"), "needs /dev/full (Linux)");
        var noSpace = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            await using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            await full.WriteAsync(new byte[64], Token);
        });

        var (status, body, _) = await InvokeAsync(noSpace);

        Assert.Equal(507, status);
        Assert.Equal("storage_full", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_function_that_answers_is_left_alone()
    {
        var http = new DefaultHttpContext();
        var middleware = new UnhandledHttpErrors(new ListLogger());

        await middleware.Invoke(new HttpFunctionContext(http), _ => Task.CompletedTask);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.False(http.Response.HasStarted);
    }

    private static async Task<(int Status, JsonElement Body, IReadOnlyList<string> Log)> InvokeAsync(Exception thrown)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        var logger = new ListLogger();

        await new UnhandledHttpErrors(logger).Invoke(new HttpFunctionContext(http), _ => throw thrown);

        http.Response.Body.Position = 0;
        var body = await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: Token);
        return (http.Response.StatusCode, body.RootElement, logger.Lines);
    }

    /// <summary>A function invocation carrying an HTTP request the way the ASP.NET Core integration hands it over.</summary>
    private sealed class HttpFunctionContext(HttpContext http) : FunctionContext
    {
        public override string InvocationId => "invocation";

        public override string FunctionId => "function";

        public override TraceContext TraceContext => null!;

        public override BindingContext BindingContext => null!;

        public override RetryContext RetryContext => null!;

        public override IServiceProvider InstanceServices { get; set; } = null!;

        public override FunctionDefinition FunctionDefinition { get; } = new Definition();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = http };

        public override IInvocationFeatures Features => null!;
    }

    private sealed class Definition : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => string.Empty;

        public override string EntryPoint => string.Empty;

        public override string Id => "function";

        public override string Name => "GetEstimate";

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class ListLogger : ILogger<UnhandledHttpErrors>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines => _lines;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Add(formatter(state, exception));
    }
}
