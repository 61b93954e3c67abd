using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Pipeline.Durable;
using TimeVision.Core.Storage;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests;

/// <summary>Errors to callers carry a code and a correlation id, never exception text; the details are in the log under that id.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class ApiErrorTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private readonly LogLines _log = new();
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(
        azurite,
        cosmos,
        settings: new Dictionary<string, string?> { ["Pipeline:ActivityAttempts"] = "1" },
        configureServices: services => services.AddSingleton<ILoggerProvider>(_log));

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_failed_run_answers_pipeline_failed_with_a_correlation_id_and_logs_the_details_under_it()
    {
        var id = new string('f', 64);
        var missing = new BlobReference(BlobReference.DrawingsContainer, $"gone-{Guid.NewGuid():N}.pdf");
        await _harness.Client.ScheduleNewEstimateDocumentInstanceAsync(
            new EstimateDocumentRequest(id, missing, "gone.pdf", DocumentSource.Http, ModelId.Parse("gpt-4.1"), 8, 1, TimeSpan.FromSeconds(1), Force: false),
            new StartOrchestrationOptions(id),
            Token);
        var failure = (await _harness.WaitAsync(id)).FailureDetails!;

        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result);

        var error = JsonSerializer.SerializeToElement(result.Value).GetProperty("error");
        var correlationId = error.GetProperty("correlationId").GetString()!;
        Assert.Equal((500, "pipeline_failed"), (result.StatusCode, error.GetProperty("code").GetString()));
        Assert.DoesNotContain(failure.ErrorMessage, error.GetProperty("message").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain(missing.Name, JsonSerializer.Serialize(result.Value), StringComparison.Ordinal);
        Assert.Contains(_log.Lines, line => line.Contains(correlationId, StringComparison.Ordinal) && line.Contains(failure.ErrorMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_told_where_it_broke_not_the_parsers_text()
    {
        var request = FunctionsHarness.Request("PUT", "{\"actualMinutes\": 3,"u8.ToArray(), "application/json");
        request.Headers.IfMatch = "\"x\"";

        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await ActivatorUtilities.CreateInstance<TimeVision.Api.Handlers.FeedbackApi>(_harness.Services).PutAsync(request, new string('a', 64), Token)).Result);

        var error = JsonSerializer.SerializeToElement(result.Value).GetProperty("error");
        Assert.Equal((400, "invalid_feedback"), (result.StatusCode, error.GetProperty("code").GetString()));
        Assert.StartsWith("The body is not valid feedback JSON (at $", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error.GetProperty("message").GetString()!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("correlationId").GetString()));
    }

    /// <summary>Every formatted log line, for the assertions.</summary>
    private sealed class LogLines : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
