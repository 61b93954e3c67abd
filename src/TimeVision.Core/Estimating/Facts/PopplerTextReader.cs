using System.Globalization;
using System.Text;
using System.Xml;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Rendering.Poppler;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// Reads a PDF's text layer with positions through Poppler's <c>pdftotext -bbox-layout -cropbox</c>: boxes and page
/// size in points in the frame the page is rendered in (crop box, turned by <c>/Rotate</c>), origin at the top left.
/// </summary>
/// <param name="tools">Starts Poppler's tools within the child-process limits.</param>
/// <param name="options">The rendering settings: timeouts and limits for Poppler.</param>
public sealed class PopplerTextReader(PopplerTools tools, IOptionsMonitor<RenderingOptions> options)
{
    /// <summary>The text of pages <paramref name="firstPage"/> to <paramref name="lastPage"/> (all when null).</summary>
    /// <exception cref="InvalidOperationException">pdftotext or pdfinfo is missing or failed.</exception>
    /// <exception cref="TimeoutException">Poppler ran longer than <see cref="RenderingOptions.TextLayerTimeout"/> and was stopped.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<TextPage>> ReadAsync(string pdfPath, int? firstPage, int? lastPage, CancellationToken cancellationToken)
    {
        var read = await TryReadAsync(pdfPath, firstPage, lastPage, cancellationToken);
        return read.Succeeded ? read.Value
            : read.Error.Code == RenderErrorCode.RenderTimeout ? throw new TimeoutException(read.Error.Message)
            : throw new InvalidOperationException(read.Error.Message);
    }

    /// <summary>
    /// The text of pages <paramref name="firstPage"/> to <paramref name="lastPage"/> (all when null), or why it could not
    /// be read: <see cref="RenderErrorCode.RenderTimeout"/> when Poppler ran longer than
    /// <see cref="RenderingOptions.TextLayerTimeout"/> and was stopped, <see cref="RenderErrorCode.RenderOutOfMemory"/> past
    /// <see cref="RenderingOptions.ChildMemoryLimitMb"/>, <see cref="RenderErrorCode.Corrupt"/> when it failed or wrote what
    /// is not its XHTML, <see cref="RenderErrorCode.RendererMissing"/> when it is not installed. The pages' rotations are
    /// read with <c>pdfinfo</c> first.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<RenderResult<IReadOnlyList<TextPage>>> TryReadAsync(string pdfPath, int? firstPage, int? lastPage, CancellationToken cancellationToken)
    {
        using var timeout = TimeoutFor(cancellationToken);
        var rotations = await ReadRotationsAsync(pdfPath, firstPage ?? 1, lastPage, timeout.Token, cancellationToken);
        return rotations.Succeeded
            ? await ReadTextAsync(pdfPath, firstPage, lastPage, rotations.Value, timeout.Token, cancellationToken)
            : RenderResult<IReadOnlyList<TextPage>>.Failure(rotations.Error);
    }

    /// <summary>
    /// The text of one page whose rotation is already known (from <see cref="IPdfInspector"/>), or why it could not be
    /// read, as <see cref="TryReadAsync(string, int?, int?, CancellationToken)"/> says; without asking <c>pdfinfo</c> again.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<RenderResult<IReadOnlyList<TextPage>>> TryReadAsync(string pdfPath, PdfPageInfo page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var timeout = TimeoutFor(cancellationToken);
        var rotations = new Dictionary<int, int> { [page.Number] = page.Rotation };
        return await ReadTextAsync(pdfPath, page.Number, page.Number, rotations, timeout.Token, cancellationToken);
    }

    /// <summary>
    /// The page as the renderer draws it. With <c>-cropbox</c> pdftotext places the words in the crop box turned by the
    /// page's <c>/Rotate</c>, as a viewer shows it, but gives the crop box's size unturned (Poppler 22.12): turned here.
    /// </summary>
    private static TextPage AsShown(TextPage page, int rotation) =>
        rotation % 180 == 0 ? page : page with { Width = page.Height, Height = page.Width };

    private CancellationTokenSource TimeoutFor(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.TextLayerTimeout);
        return timeout;
    }

    /// <summary>Each page's <c>/Rotate</c>, by page number, as <c>pdfinfo</c> reads it (it stops at the last page by itself).</summary>
    private async Task<RenderResult<IReadOnlyDictionary<int, int>>> ReadRotationsAsync(
        string pdfPath, int firstPage, int? lastPage, CancellationToken timeout, CancellationToken cancellationToken)
    {
        var first = firstPage.ToString(CultureInfo.InvariantCulture);
        var last = (lastPage ?? int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var result = await RunAsync("pdfinfo", ["-enc", "UTF-8", "-f", first, "-l", last, pdfPath], timeout, cancellationToken);
        return result.Succeeded
            ? RenderResult<IReadOnlyDictionary<int, int>>.Success(PdfInfoOutput.ReadPages(result.Value).ToDictionary(p => p.Number, p => p.Rotation))
            : RenderResult<IReadOnlyDictionary<int, int>>.Failure(result.Error);
    }

    private async Task<RenderResult<IReadOnlyList<TextPage>>> ReadTextAsync(
        string pdfPath, int? firstPage, int? lastPage, IReadOnlyDictionary<int, int> rotations, CancellationToken timeout, CancellationToken cancellationToken)
    {
        // -cropbox: the frame the renderer draws (pdftocairo -cropbox), so boxes land on the image.
        List<string> arguments = ["-bbox-layout", "-cropbox", "-enc", "UTF-8"];
        if (firstPage is { } first)
        {
            arguments.AddRange(["-f", first.ToString(CultureInfo.InvariantCulture)]);
        }

        if (lastPage is { } last)
        {
            arguments.AddRange(["-l", last.ToString(CultureInfo.InvariantCulture)]);
        }

        var result = await RunAsync("pdftotext", [.. arguments, pdfPath, "-"], timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return RenderResult<IReadOnlyList<TextPage>>.Failure(result.Error);
        }

        try
        {
            var pages = Parse(result.Value, firstPage ?? 1);
            return RenderResult<IReadOnlyList<TextPage>>.Success([.. pages.Select(p => AsShown(p, rotations.GetValueOrDefault(p.Number)))]);
        }
        catch (XmlException exception)
        {
            return RenderResult<IReadOnlyList<TextPage>>.Failure(
                RenderErrorCode.Corrupt, $"pdftotext's text layer is not well-formed XHTML ({exception.Message}).");
        }
    }

    /// <summary>What Poppler's <paramref name="toolName"/> wrote, or why it could not (see <see cref="TryReadAsync(string, int?, int?, CancellationToken)"/>).</summary>
    private async Task<RenderResult<string>> RunAsync(string toolName, IReadOnlyList<string> arguments, CancellationToken timeout, CancellationToken cancellationToken)
    {
        var tool = tools.Resolve(toolName);
        if (!tool.Succeeded)
        {
            return RenderResult<string>.Failure(tool.Error);
        }

        var rendering = options.CurrentValue;
        BufferedCommandResult result;
        try
        {
            result = await ChildProcessLimits.Wrap(tool.Value, arguments, rendering)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own limit ran out, not the caller's patience: a typed timeout, which the caller may choose to live with.
            return RenderResult<string>.Failure(
                RenderErrorCode.RenderTimeout,
                string.Create(CultureInfo.InvariantCulture, $"Reading the text layer took longer than {rendering.TextLayerTimeout.TotalSeconds:0.###} s (Rendering:TextLayerTimeout); {toolName} was stopped."));
        }

        if (result.ExitCode != 0 && ChildProcessLimits.ReportsOutOfMemory(result.StandardError))
        {
            return RenderResult<string>.Failure(
                RenderErrorCode.RenderOutOfMemory,
                string.Create(CultureInfo.InvariantCulture, $"Reading the text layer needed more than the {rendering.ChildMemoryLimitMb} MB Poppler may take (Rendering:ChildMemoryLimitMb); {toolName} was stopped."));
        }

        return result.ExitCode == 0
            ? RenderResult<string>.Success(result.StandardOutput)
            : RenderResult<string>.Failure(RenderErrorCode.Corrupt, $"{toolName} could not read the text layer ({PdfInfoDiagnostics.FirstError(result.StandardError)}).");
    }

    /// <summary>
    /// Parses <c>pdftotext -bbox-layout</c>'s XHTML. Characters XML forbids, control characters above all, which a font
    /// without a usable Unicode map or a damaged document-info string gives and pdftotext writes as they are, are not
    /// text: they are dropped rather than failing the page.
    /// </summary>
    public static IReadOnlyList<TextPage> Parse(string xhtml, int firstPageNumber)
    {
        var pages = new List<TextPage>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(WithoutCharactersXmlForbids(xhtml)), settings);
        List<TextLine>? lines = null;
        List<TextWord>? words = null;
        double width = 0, height = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "word" && words is not null)
            {
                var box = new TextBox(Number(reader, "xMin"), Number(reader, "yMin"), 0, 0);
                box = box with { Width = Number(reader, "xMax") - box.X, Height = Number(reader, "yMax") - box.Y };
                var text = reader.ReadElementContentAsString().Trim(); // moves to the node after </word>
                if (text.Length > 0)
                {
                    words.Add(new TextWord(text, box));
                }

                continue;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "page":
                        width = Number(reader, "width");
                        height = Number(reader, "height");
                        lines = [];
                        break;
                    case "line":
                        words = [];
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                switch (reader.LocalName)
                {
                    case "line" when words is { Count: > 0 } && lines is not null:
                        lines.Add(new TextLine(words));
                        words = null;
                        break;
                    case "page" when lines is not null:
                        pages.Add(new TextPage(firstPageNumber + pages.Count, width, height, lines));
                        lines = null;
                        break;
                }
            }

            reader.Read();
        }

        return pages;
    }

    /// <summary><paramref name="text"/> without the characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE and U+FFFF).</summary>
    private static string WithoutCharactersXmlForbids(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept?.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                kept?.Append(text[i]);
            }
            else
            {
                kept ??= new StringBuilder(text.Length).Append(text, 0, i);
            }
        }

        return kept?.ToString() ?? text;
    }

    private static double Number(XmlReader reader, string attribute) =>
        double.Parse(reader.GetAttribute(attribute) ?? "0", CultureInfo.InvariantCulture);
}
