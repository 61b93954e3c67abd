using Microsoft.DurableTask;
using Moq;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Pipeline.Durable;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Tests.Pipeline.Durable;

/// <summary>The orchestrator alone, against a strict mock of its context: what it calls, in what order, with what limits.</summary>
public sealed class EstimateDocumentOrchestrationTests
{
    private static readonly string DocumentId = new('d', 64);
    private readonly Mock<TaskOrchestrationContext> _context = new(MockBehavior.Strict);
    private readonly List<TaskOptions?> _options = [];
    private SaveDocumentRequest? _saved;

    public EstimateDocumentOrchestrationTests()
    {
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc));
        _context.Setup(c => c.SetCustomStatus(It.IsAny<object?>()));
        _context.Setup(c => c.CallActivityAsync<DocumentSummary>(It.Is<TaskName>(n => n.Name == nameof(SaveDocumentEstimate)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? options) => { _saved = (SaveDocumentRequest)input!; _options.Add(options); })
            .ReturnsAsync(new DocumentSummary(DocumentId, DocumentStatus.Completed, 1));
    }

    [Fact]
    public async Task No_more_pages_than_the_limit_are_in_flight_and_outcomes_come_back_in_page_order()
    {
        var renders = new List<(int Page, TaskCompletionSource<RenderedPageReference> Done)>();
        var finished = 0;
        var inFlightAtEachStart = new List<int>();
        Inspect(pages: 5);
        _context.Setup(c => c.CallActivityAsync<RenderedPageReference>(It.Is<TaskName>(n => n.Name == nameof(RenderPage)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                var done = new TaskCompletionSource<RenderedPageReference>();
                renders.Add((((RenderPageRequest)input!).Page.Number, done));
                inFlightAtEachStart.Add(renders.Count - Volatile.Read(ref finished));
                return done.Task;
            });
        EstimateEveryPage();

        var run = new EstimateDocument().RunAsync(_context.Object, Request(maxPagesInFlight: 2));
        while (finished < 5)
        {
            await UntilAsync(() => renders.Count > finished);
            var (page, done) = renders[finished]; // the oldest unfinished render
            Interlocked.Increment(ref finished);
            done.SetResult(new RenderedPageReference(page, BlobReference.Page(DocumentId, page), null));
        }

        await run;

        Assert.Equal([1, 2, 2, 2, 2], inFlightAtEachStart);
        Assert.Equal([1, 2, 3, 4, 5], _saved!.Pages.Select(p => p.Rendered.Page));
        Assert.All(_saved.Pages, p => Assert.Equal(("gpt-4.1", "hash"), (p.Result!.Model.Value, p.Result.PromptHash)));
    }

    [Fact]
    public async Task A_page_that_does_not_render_is_not_sent_to_the_model_and_the_others_are_saved()
    {
        Inspect(pages: 3);
        _context.Setup(c => c.CallActivityAsync<RenderedPageReference>(It.Is<TaskName>(n => n.Name == nameof(RenderPage)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                var page = ((RenderPageRequest)input!).Page.Number;
                return Task.FromResult(page == 2
                    ? new RenderedPageReference(page, null, new RenderError(RenderErrorCode.RenderTimeout, "Page 2 took too long."))
                    : new RenderedPageReference(page, BlobReference.Page(DocumentId, page), null));
            });
        var estimated = EstimateEveryPage();

        await new EstimateDocument().RunAsync(_context.Object, Request());

        Assert.Equal([1, 3], estimated);
        Assert.Null(_saved!.Pages[1].Result);
        Assert.Equal(RenderErrorCode.RenderTimeout, _saved.Pages[1].Rendered.Error!.Code);
    }

    [Fact]
    public async Task A_pdf_that_cannot_be_read_goes_straight_to_save_with_its_error()
    {
        _context.Setup(c => c.CallActivityAsync<InspectionOutcome>(It.Is<TaskName>(n => n.Name == nameof(InspectDocument)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new InspectionOutcome([], new RenderError(RenderErrorCode.Encrypted, "The PDF is password-protected.")));

        await new EstimateDocument().RunAsync(_context.Object, Request());

        Assert.Empty(_saved!.Pages);
        Assert.Equal(RenderErrorCode.Encrypted, _saved.Inspection.Error!.Code);
    }

    [Fact]
    public async Task Every_activity_is_called_with_the_requests_retry_policy()
    {
        Inspect(pages: 1);
        _context.Setup(c => c.CallActivityAsync<RenderedPageReference>(It.Is<TaskName>(n => n.Name == nameof(RenderPage)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? options) => _options.Add(options))
            .ReturnsAsync(new RenderedPageReference(1, BlobReference.Page(DocumentId, 1), null));
        EstimateEveryPage();

        await new EstimateDocument().RunAsync(_context.Object, Request(attempts: 4, firstRetry: TimeSpan.FromSeconds(7)));

        Assert.Equal(4, _options.Count); // inspect, render, estimate, save
        Assert.All(_options, options =>
        {
            var policy = options!.Retry!.Policy!;
            Assert.Equal((4, TimeSpan.FromSeconds(7), 2.0), (policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient));
        });
    }

    [Fact]
    public async Task In_shadow_mode_the_challenger_estimates_each_page_after_the_model_in_the_same_slot()
    {
        Inspect(pages: 2);
        _context.Setup(c => c.CallActivityAsync<RenderedPageReference>(It.Is<TaskName>(n => n.Name == nameof(RenderPage)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                var page = ((RenderPageRequest)input!).Page.Number;
                return Task.FromResult(new RenderedPageReference(page, BlobReference.Page(DocumentId, page), null));
            });
        var models = new List<string>();
        _context.Setup(c => c.CallActivityAsync<PageResultReference>(It.Is<TaskName>(n => n.Name == nameof(EstimatePage)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                var request = (EstimatePageRequest)input!;
                models.Add(request.Model.Value);
                return Task.FromResult(new PageResultReference(request.Page, request.Model, "hash", PageEstimateStatus.Completed));
            });

        await new EstimateDocument().RunAsync(_context.Object, Request(maxPagesInFlight: 1) with { ShadowModel = ModelId.Parse("o4-mini") });

        Assert.Equal(["gpt-4.1", "o4-mini", "gpt-4.1", "o4-mini"], models);
        Assert.All(_saved!.Pages, p => Assert.Equal("o4-mini", p.Shadow!.Model.Value));
    }

    /// <summary>Lets the orchestration's continuations run until <paramref name="condition"/> holds (no clock involved).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var turn = 0; turn < 10_000 && !condition(); turn++)
        {
            await Task.Yield();
        }

        Assert.True(condition(), "The orchestration did not start the next page.");
    }

    private static EstimateDocumentRequest Request(int maxPagesInFlight = 8, int attempts = 3, TimeSpan? firstRetry = null) =>
        new(DocumentId, BlobReference.Drawing(DocumentId), "part.pdf", DocumentSource.Cli, ModelId.Parse("gpt-4.1"), maxPagesInFlight, attempts, firstRetry ?? TimeSpan.FromSeconds(5), Force: false);

    private void Inspect(int pages) =>
        _context.Setup(c => c.CallActivityAsync<InspectionOutcome>(It.Is<TaskName>(n => n.Name == nameof(InspectDocument)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? options) => _options.Add(options))
            .ReturnsAsync(new InspectionOutcome([.. Enumerable.Range(1, pages).Select(n => new PdfPageInfo(n, 842, 595, 0))], null));

    private List<int> EstimateEveryPage()
    {
        var estimated = new List<int>();
        _context.Setup(c => c.CallActivityAsync<PageResultReference>(It.Is<TaskName>(n => n.Name == nameof(EstimatePage)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? options) => _options.Add(options))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                var request = (EstimatePageRequest)input!;
                estimated.Add(request.Page);
                return Task.FromResult(new PageResultReference(request.Page, request.Model, "hash", PageEstimateStatus.Completed));
            });
        return estimated;
    }
}
