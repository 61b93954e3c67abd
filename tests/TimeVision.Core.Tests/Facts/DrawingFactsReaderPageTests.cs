using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>One page's facts read with Poppler, or the typed reason they could not be, which never fails the page.</summary>
public sealed class DrawingFactsReaderPageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_drawing_page_s_facts_are_read()
    {
        using var services = CoreServices.Create();

        var facts = await services.Get<DrawingFactsReader>().ReadPageAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), 1, Token);

        Assert.True(facts.Succeeded, facts.Error?.Message);
        Assert.Equal(1, facts.Value.Page);
        Assert.True(facts.Value.HasText);
    }

    [Fact]
    public async Task A_text_layer_read_past_its_time_is_a_render_timeout()
    {
        // 1 ms: pdftotext cannot even start in that time.
        using var services = CoreServices.Create(("Rendering:TextLayerTimeout", "00:00:00.001"));

        var facts = await services.Get<DrawingFactsReader>().ReadPageAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), 1, Token);

        Assert.Equal(RenderErrorCode.RenderTimeout, facts.Error?.Code);
        Assert.Contains("Rendering:TextLayerTimeout", facts.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_layer_read_past_poppler_s_memory_is_render_out_of_memory()
    {
        // 8 MB: pdftotext cannot even load its libraries in that.
        using var services = CoreServices.Create(("Rendering:ChildMemoryLimitMb", "8"));

        var facts = await services.Get<DrawingFactsReader>().ReadPageAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), 1, Token);

        Assert.Equal(RenderErrorCode.RenderOutOfMemory, facts.Error?.Code);
        Assert.Contains("Rendering:ChildMemoryLimitMb", facts.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_pdftotext_the_reason_is_renderer_missing()
    {
        using var services = CoreServices.Create(("Rendering:PopplerDirectory", _folder.Path));

        var facts = await services.Get<DrawingFactsReader>().ReadPageAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), 1, Token);

        Assert.Equal(RenderErrorCode.RendererMissing, facts.Error?.Code);
    }

    [Fact]
    public async Task A_file_pdftotext_cannot_open_is_corrupt()
    {
        var pdf = _folder.Write("garbage.pdf", TestPdfs.HeaderThenGarbage());
        using var services = CoreServices.Create();

        var facts = await services.Get<DrawingFactsReader>().ReadPageAsync(pdf, 1, Token);

        Assert.Equal(RenderErrorCode.Corrupt, facts.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(facts.Error?.Message));
    }
}
