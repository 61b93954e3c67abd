using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Support;

/// <summary>Real pages rendered once per test run with the production renderer, for the vision tests.</summary>
internal static class RenderedPages
{
    private static readonly Lazy<Task<BinaryData>> OdriMotorShaft = new(() => RenderFirstPageAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf")));

    private static readonly Lazy<Task<BinaryData>> OdriMotorShaftStored = new(
        () => RenderFirstPageAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), new VisionOptions().LargestImageLongSidePx()));

    /// <summary>The sample motor shaft drawing, page 1, at the default 300 DPI grayscale (3507×2480).</summary>
    public static Task<BinaryData> OdriMotorShaftAsync() => OdriMotorShaft.Value;

    /// <summary>
    /// The same page as the pipeline stores it: rendered straight at the model's size (2048×1448 at the default
    /// settings), so a model call or an export sends it as it is, with no decode and downscale each time. For corpora
    /// of stored documents; tests of the downscale itself use <see cref="OdriMotorShaftAsync"/>.
    /// </summary>
    public static Task<BinaryData> OdriMotorShaftAsStoredAsync() => OdriMotorShaftStored.Value;

    /// <summary>Page 1 of any PDF at the default settings, or no longer than <paramref name="maxLongSidePx"/>.</summary>
    public static async Task<BinaryData> RenderFirstPageAsync(string pdf, int maxLongSidePx = int.MaxValue)
    {
        using var services = CoreServices.Create();
        var inspection = await services.Get<IPdfInspector>().InspectAsync(pdf, CancellationToken.None);
        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        using var png = new MemoryStream();
        var result = await services.Get<IPageRenderer>().RenderPageAsync(pdf, inspection.Value.Pages[0], maxLongSidePx, png, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return BinaryData.FromBytes(png.ToArray());
    }
}
