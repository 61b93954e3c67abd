using TimeVision.Core.Rendering;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Support;

/// <summary>Real pages rendered once per test run with the production renderer, for the vision tests.</summary>
internal static class RenderedPages
{
    private static readonly Lazy<Task<BinaryData>> OdriMotorShaft = new(() => RenderFirstPageAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf")));

    /// <summary>The sample motor shaft drawing, page 1, at the default 300 DPI grayscale (3507×2480).</summary>
    public static Task<BinaryData> OdriMotorShaftAsync() => OdriMotorShaft.Value;

    /// <summary>Page 1 of any PDF at the default settings.</summary>
    public static async Task<BinaryData> RenderFirstPageAsync(string pdf)
    {
        using var services = CoreServices.Create();
        var inspection = await services.Get<IPdfInspector>().InspectAsync(pdf, CancellationToken.None);
        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        using var png = new MemoryStream();
        var result = await services.Get<IPageRenderer>().RenderPageAsync(pdf, inspection.Value.Pages[0], png, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return BinaryData.FromBytes(png.ToArray());
    }
}
