using TimeVision.Testing;

namespace TimeVision.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Out => Path.Combine(_folder.Path, "out");

    [Fact]
    public async Task Renders_a_drawing_and_prints_the_json_contract()
    {
        var run = await CliRunner.InvokeAsync("render", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--out", Out);

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("odri-motor-shaft.pdf", json.GetProperty("file").GetString());
        Assert.True(json.GetProperty("elapsedMs").GetInt64() >= 0);
        var page = Assert.Single(json.GetProperty("pages").EnumerateArray());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(3507, page.GetProperty("widthPx").GetInt32());
        Assert.Equal(2480, page.GetProperty("heightPx").GetInt32());
        Assert.Equal(300, page.GetProperty("dpi").GetDouble());
        var path = page.GetProperty("path").GetString()!;
        Assert.Equal(Path.Combine(Out, "page-001.png"), path);
        Assert.Equal(new FileInfo(path).Length, page.GetProperty("bytes").GetInt64());
        Assert.Equal((3507, 2480), (PngImage.Load(path).Width, PngImage.Load(path).Height));
        Assert.Equal(["page-001.png"], Directory.GetFiles(Out).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Writes_one_numbered_png_per_page()
    {
        var pdf = _folder.Write("three.pdf", TestPdfs.WithPages(3));

        var run = await CliRunner.InvokeAsync("render", pdf, "--out", Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([1, 2, 3], run.Json.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("page").GetInt32()));
        Assert.Equal(["page-001.png", "page-002.png", "page-003.png"], Directory.GetFiles(Out).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Honours_dpi_max_px_and_color()
    {
        var run = await CliRunner.InvokeAsync(
            "render", RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "--out", Out, "--dpi", "150", "--max-px", "2000", "--color");

        Assert.Equal(0, run.ExitCode);
        var image = PngImage.Load(Path.Combine(Out, "page-001.png"));
        Assert.Equal(2000, image.Width);
        Assert.False(image.IsGrayscale);
        Assert.Equal(120.95, run.Json.GetProperty("pages")[0].GetProperty("dpi").GetDouble(), precision: 2);
    }

    [Fact]
    public async Task Bad_input_exits_2_with_the_error_code_on_stdout_and_the_message_on_stderr()
    {
        var pdf = _folder.Write("invoice.pdf", "just some text, not a drawing"u8.ToArray());

        var run = await CliRunner.InvokeAsync("render", pdf, "--out", Out);

        Assert.Equal(2, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal("not_pdf", error.GetProperty("code").GetString());
        Assert.Contains(error.GetProperty("message").GetString()!, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out) && Directory.EnumerateFileSystemEntries(Out).Any());
    }

    [Fact]
    public async Task An_encrypted_pdf_is_reported_as_encrypted()
    {
        var pdf = _folder.Write("locked.pdf", TestPdfs.Encrypted());

        var run = await CliRunner.InvokeAsync("render", pdf, "--out", Out);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("encrypted", run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var run = await CliRunner.InvokeAsync("render", Path.Combine(_folder.Path, "nope.pdf"), "--out", Out);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("file_not_found", run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_out_of_range_option_is_bad_input_with_a_message()
    {
        var run = await CliRunner.InvokeAsync("render", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--out", Out, "--dpi", "5000");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("invalid_option", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Dpi", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_a_real_process_stdout_carries_only_the_json()
    {
        var run = await CliRunner.RunProcessAsync("render", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--out", Out);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(1, run.Json.GetProperty("pages").GetArrayLength());
        Assert.Single(run.Stdout.Trim().Split('\n'));
    }
}
