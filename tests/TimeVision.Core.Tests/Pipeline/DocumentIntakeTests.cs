using System.Security.Cryptography;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Pipeline.Durable;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>
/// The one intake every host uses, on its own: what it decides for a PDF (start, leave running, keep, retry only the
/// retryable pages, refuse) and what it hands the orchestration, with a client that records what would be scheduled.
/// </summary>
public sealed class DocumentIntakeTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<EstimateDocumentRequest> _scheduled = [];
    private readonly Mock<DurableTaskClient> _client = new("test");
    private OrchestrationRuntimeStatus? _running;

    public DocumentIntakeTests()
    {
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => _running is { } status ? new OrchestrationMetadata(EstimateDocumentOrchestrationName, id) { RuntimeStatus = status } : null);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((TaskName _, object? input, StartOrchestrationOptions? _, CancellationToken _) => _scheduled.Add((EstimateDocumentRequest)input!))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
    }

    private const string EstimateDocumentOrchestrationName = nameof(EstimateDocument);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_new_pdf_is_stored_under_its_hash_and_started_with_a_clean_file_name()
    {
        using var services = Services();
        var pdf = TestPdfs.WithPages(1, widthMm: 401);

        var outcome = await Intake(services).SubmitUploadAsync(new MemoryStream(pdf), "../../etc/plate\u0007.pdf", force: false, _client.Object, Token);

        var request = Assert.Single(_scheduled);
        Assert.Equal((IntakeStatus.Started, IdOf(pdf)), (outcome.Status, outcome.DocumentId));
        Assert.Equal(("plate.pdf", DocumentSource.Http, BlobReference.Drawing(IdOf(pdf)), null), (request.FileName, request.Source, request.Pdf, request.RetryPages));
        Assert.True(await services.Get<IBlobStore>().DownloadToAsync(request.Pdf, new MemoryStream(), Token));
    }

    [Fact]
    public async Task A_running_document_is_left_alone()
    {
        using var services = Services();
        _running = OrchestrationRuntimeStatus.Running;

        var outcome = await Intake(services).SubmitUploadAsync(new MemoryStream(TestPdfs.WithPages(1, widthMm: 402)), "a.pdf", force: true, _client.Object, Token);

        Assert.Equal(IntakeStatus.InProgress, outcome.Status);
        Assert.Empty(_scheduled);
    }

    [Fact]
    public async Task A_stored_estimate_is_kept_unless_forced()
    {
        using var services = Services();
        var pdf = TestPdfs.WithPages(1, widthMm: 403);
        await StoreAsync(services, pdf, PageEstimateStatus.Completed, error: null);

        var kept = await Intake(services).SubmitUploadAsync(new MemoryStream(pdf), "a.pdf", force: false, _client.Object, Token);
        var forced = await Intake(services).SubmitUploadAsync(new MemoryStream(pdf), "a.pdf", force: true, _client.Object, Token);

        Assert.Equal((IntakeStatus.AlreadyEstimated, IntakeStatus.Started), (kept.Status, forced.Status));
        Assert.Null(Assert.Single(_scheduled).RetryPages);
    }

    [Theory]
    [InlineData(VisionErrorCode.NetworkError, true)]
    [InlineData(VisionErrorCode.RateLimited, true)]
    [InlineData(VisionErrorCode.Unauthorized, true)]
    [InlineData(VisionErrorCode.RequestRejected, true)]
    [InlineData(VisionErrorCode.InvalidReply, false)]
    [InlineData(VisionErrorCode.Refused, false)]
    public async Task A_stored_estimate_with_a_retryable_page_runs_that_page_again_without_force(VisionErrorCode error, bool retried)
    {
        using var services = Services();
        var pdf = TestPdfs.WithPages(1, widthMm: 404);
        await StoreAsync(services, pdf, error == VisionErrorCode.Refused ? PageEstimateStatus.Blocked : PageEstimateStatus.Failed, error);

        var outcome = await Intake(services).SubmitUploadAsync(new MemoryStream(pdf), "a.pdf", force: false, _client.Object, Token);

        Assert.Equal(retried ? IntakeStatus.Started : IntakeStatus.AlreadyEstimated, outcome.Status);
        Assert.Equal(retried ? [1] : null, outcome.RetryPages);
        Assert.Equal(retried ? 1 : 0, _scheduled.Count);
    }

    [Fact]
    public async Task Without_a_key_a_retry_never_turns_into_the_offline_estimate()
    {
        using var services = Services(("Vision:ApiKey", ""), ("Vision:Endpoint", ""));
        var pdf = TestPdfs.WithPages(1, widthMm: 405);
        await StoreAsync(services, pdf, PageEstimateStatus.Failed, VisionErrorCode.NetworkError);

        var outcome = await Intake(services).SubmitUploadAsync(new MemoryStream(pdf), "a.pdf", force: false, _client.Object, Token);

        Assert.Equal(IntakeStatus.AlreadyEstimated, outcome.Status);
        Assert.Contains("offline estimate", outcome.Notice, StringComparison.Ordinal);
        Assert.Empty(_scheduled);
    }

    [Fact]
    public async Task Retry_by_id_starts_from_the_stored_copy_and_says_not_found_for_an_unknown_id()
    {
        using var services = Services();
        var pdf = TestPdfs.WithPages(1, widthMm: 406);
        await StoreAsync(services, pdf, PageEstimateStatus.Failed, VisionErrorCode.ServiceError);

        var retried = await Intake(services).RetryAsync(IdOf(pdf).ToUpperInvariant(), _client.Object, Token);
        var unknown = await Intake(services).RetryAsync("not-an-id", _client.Object, Token);

        Assert.Equal(IntakeStatus.Started, retried.Status);
        Assert.Equal([1], retried.RetryPages);
        Assert.Equal(BlobReference.Drawing(IdOf(pdf)), Assert.Single(_scheduled).Pdf);
        Assert.Equal((IntakeStatus.Rejected, IntakeError.NotFound), (unknown.Status, unknown.Error!.Code));
    }

    private ServiceProvider Services(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = _folder.Path,
            ["Vision:ApiKey"] = "test-key",
            ["Vision:Endpoint"] = "http://127.0.0.1:9/v1/",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return CoreServices.Create([.. settings.Select(setting => (setting.Key, setting.Value))]);
    }

    private static DocumentIntake Intake(ServiceProvider services) => services.Get<DocumentIntake>();

    private static string IdOf(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));

    private static async Task StoreAsync(ServiceProvider services, byte[] pdf, PageEstimateStatus status, VisionErrorCode? error)
    {
        var sample = EstimateStoreContract.SampleDocument();
        var page = sample.Pages[0] with
        {
            Status = status,
            Result = sample.Pages[0].Result! with
            {
                Status = status,
                Estimate = status == PageEstimateStatus.Completed ? sample.Pages[0].Result!.Estimate : null,
                Error = error is { } code ? new VisionError(code, "as stored") : null,
            },
        };
        var document = sample with { Id = IdOf(pdf), Pages = [page], Pdf = BlobReference.Drawing(IdOf(pdf)) };
        await services.Get<IBlobStore>().UploadAsync(BlobReference.Drawing(IdOf(pdf)), new MemoryStream(pdf), Token);
        await services.Get<IEstimateStore>().SaveAsync(document, null, Token);
    }
}
