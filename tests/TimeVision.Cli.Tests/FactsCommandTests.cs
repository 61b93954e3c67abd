using TimeVision.Testing;

namespace TimeVision.Cli.Tests;

/// <summary><c>timevision facts</c>: the text layer's facts as JSON, with where each was read.</summary>
public sealed class FactsCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_drawing_s_facts_are_printed_with_their_confidence_and_source_box()
    {
        var run = await CliRunner.InvokeAsync("facts", RepositoryPaths.Sample("edocr-adapterplatte.pdf"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = Assert.Single(run.Json.GetProperty("pages").EnumerateArray());
        var material = page.GetProperty("titleBlock").GetProperty("material");
        Assert.Equal(("Stahl", "high"), (material.GetProperty("value").GetString(), material.GetProperty("confidence").GetString()));
        Assert.Equal(1, material.GetProperty("source").GetProperty("page").GetInt32());
        Assert.True(material.GetProperty("source").GetProperty("box").GetProperty("width").GetDouble() > 0);
        Assert.Equal("M8", page.GetProperty("features").GetProperty("threads")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_scan_is_flagged_and_nothing_is_read()
    {
        var run = await CliRunner.InvokeAsync("facts", SharedDrawings.Require("openspim-tube-lens-adapter-scan.pdf"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.All(run.Json.GetProperty("pages").EnumerateArray(), p => Assert.Equal("no_text_layer", p.GetProperty("flags")[0].GetString()));
        Assert.Contains("no usable text layer", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_a_pdf_is_bad_input_with_its_code()
    {
        var path = TestPdfs.WriteTo(_folder.Path, "junk.pdf", TestPdfs.RandomBytes());

        var run = await CliRunner.InvokeAsync("facts", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("not_pdf", run.Json.GetProperty("error").GetProperty("code").GetString());
    }
}
