using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>
/// Sends a mutant through what a drawing meets in TimeVision, with Core's real services and Poppler: inspect; render
/// page 1 and the last page, small; read page 1's facts (when inspection accepted it, as the pipeline and the
/// <c>facts</c> command do). Every call is timed and any exception that escapes is caught and recorded, never thrown.
/// </summary>
public sealed class PdfFuzzProbe : IDisposable
{
    /// <summary>Each Poppler call's configured timeout in a fuzz run: short, so that a hang costs little and shows.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest side pages are rendered at: small, to keep a run quick.</summary>
    public const int RenderLongSidePx = 800;

    private readonly ServiceProvider _services;
    private readonly IPdfInspector _inspector;
    private readonly IPageRenderer _renderer;
    private readonly DrawingFactsReader _facts;
    private readonly RenderingOptions _options;

    /// <summary>Creates the probe with Core's rendering and facts services, every Poppler timeout set to <paramref name="callTimeout"/>.</summary>
    public PdfFuzzProbe(TimeSpan callTimeout)
    {
        var timeout = callTimeout.ToString("c", CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{RenderingOptions.SectionName}:{nameof(RenderingOptions.InspectTimeout)}"] = timeout,
                [$"{RenderingOptions.SectionName}:{nameof(RenderingOptions.PageTimeout)}"] = timeout,
                [$"{RenderingOptions.SectionName}:{nameof(RenderingOptions.TextLayerTimeout)}"] = timeout,
            })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTimeVisionFacts()
            .BuildServiceProvider();
        _inspector = _services.GetRequiredService<IPdfInspector>();
        _renderer = _services.GetRequiredService<IPageRenderer>();
        _facts = _services.GetRequiredService<DrawingFactsReader>();
        _options = _services.GetRequiredService<IOptions<RenderingOptions>>().Value;
    }

    /// <summary>Writes <paramref name="mutant"/> into <paramref name="folder"/>, runs it through and removes it.</summary>
    public async Task<FuzzRun> RunAsync(PdfMutant mutant, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mutant);
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"mutant-{mutant.Seed}.pdf"));
        await File.WriteAllBytesAsync(path, mutant.Bytes, cancellationToken);
        try
        {
            return new FuzzRun(mutant, await CallsAsync(path, cancellationToken));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _services.Dispose();

    private async Task<List<FuzzCall>> CallsAsync(string path, CancellationToken cancellationToken)
    {
        var calls = new List<FuzzCall>();
        PdfDocumentInfo? document = null;
        // Inspection runs pdfinfo once for the page count and, for more than one page, again for the sizes, each run under
        // its own InspectTimeout.
        calls.Add(await TimeAsync(FuzzStage.Inspect, null, 2 * _options.InspectTimeout, async () =>
        {
            var inspection = await _inspector.InspectAsync(path, cancellationToken);
            document = inspection.Value;
            return Outcome(inspection.Error);
        }, cancellationToken));
        if (document is null)
        {
            return calls;
        }

        foreach (var page in new[] { document.Pages[0], document.Pages[^1] }.Distinct())
        {
            calls.Add(await TimeAsync(FuzzStage.Render, page.Number, _options.PageTimeout, async () =>
            {
                using var png = new MemoryStream();
                var rendered = await _renderer.RenderPageAsync(path, page, RenderLongSidePx, png, cancellationToken);
                return Outcome(rendered.Error);
            }, cancellationToken));
        }

        calls.Add(await TimeAsync(FuzzStage.Facts, 1, _options.TextLayerTimeout, async () =>
        {
            var facts = await _facts.ReadPageAsync(path, document.Pages[0], cancellationToken);
            return !facts.Succeeded ? Outcome(facts.Error)
                : facts.Value.HasText ? (FuzzCall.FactsRead, null)
                : (PageFacts.NoTextLayer, null);
        }, cancellationToken));
        return calls;
    }

    private static (string Code, string? Detail) Outcome(RenderError? error) =>
        error is null ? (FuzzCall.Ok, null) : (FuzzCall.CodeOf(error.Code), error.Message);

    private static async Task<FuzzCall> TimeAsync(
        FuzzStage stage, int? page, TimeSpan limit, Func<Task<(string Code, string? Detail)>> call, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var (code, detail) = await call();
            return new FuzzCall(stage, page, code, stopwatch.Elapsed, limit, detail);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new FuzzCall(stage, page, FuzzCall.Crash, stopwatch.Elapsed, limit, exception.ToString());
        }
    }
}
