using System.Collections.Concurrent;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.Features;

namespace TimeVision.Core.Tests.Training;

/// <summary>
/// The features corpus (<see cref="FeatureCorpus"/>) stored once for a test class, and each export of it made the first
/// time a test asks for it; the tests only read the folders.
/// </summary>
public sealed class FeatureExports : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ConcurrentDictionary<(int ValidationPercent, TrainingFormat Format), Lazy<Task<LabelledExport>>> _exports = new();
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;

    /// <summary>The corpus as stored.</summary>
    public IReadOnlyList<FeatureCorpusDocument> Documents { get; private set; } = [];

    /// <summary>The stored corpus's services.</summary>
    public IServiceProvider Services => _services;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _services = CoreServices.Create(("Storage:DataDirectory", Path.Combine(_folder.Path, "data")));
        Documents = await FeatureCorpus.BuildAsync(_services, await RenderedPages.OdriMotorShaftAsStoredAsync(), TestContext.Current.CancellationToken);
    }

    /// <summary>The features export at <paramref name="validationPercent"/> in <paramref name="format"/>.</summary>
    public Task<LabelledExport> GetAsync(int validationPercent, TrainingFormat format) =>
        _exports.GetOrAdd((validationPercent, format), key => new Lazy<Task<LabelledExport>>(() => ExportAsync(key.ValidationPercent, key.Format))).Value;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<LabelledExport> ExportAsync(int validationPercent, TrainingFormat format)
    {
        var folder = Path.Combine(_folder.Path, $"export-{validationPercent}-{format}");
        var manifest = await _services.Get<TrainingExporter>().ExportAsync(
            new TrainingExportRequest(new HashSet<Estimating.Estimates.FeedbackSource> { Estimating.Estimates.FeedbackSource.Actual }, ValidationPercent: validationPercent, Format: format, Task: TrainingTask.Features),
            new FolderExportSink(folder),
            CancellationToken.None);
        return new LabelledExport(folder, manifest);
    }
}
