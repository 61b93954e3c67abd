using System.Globalization;
using System.Text;
using System.Xml;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Rendering.Poppler;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>Reads a PDF's text layer with positions through Poppler's <c>pdftotext -bbox-layout</c>.</summary>
/// <param name="tools">Starts Poppler's tools within the child-process limits.</param>
/// <param name="options">The rendering settings: timeouts and limits for Poppler.</param>
public sealed class PopplerTextReader(PopplerTools tools, IOptionsMonitor<RenderingOptions> options)
{
    /// <summary>The text of pages <paramref name="firstPage"/> to <paramref name="lastPage"/> (all when null).</summary>
    /// <exception cref="InvalidOperationException">pdftotext is missing or failed.</exception>
    /// <exception cref="TimeoutException">pdftotext ran longer than <see cref="RenderingOptions.TextLayerTimeout"/> and was stopped.</exception>
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
    /// be read: <see cref="RenderErrorCode.RenderTimeout"/> when pdftotext ran longer than
    /// <see cref="RenderingOptions.TextLayerTimeout"/> and was stopped, <see cref="RenderErrorCode.RenderOutOfMemory"/> past
    /// <see cref="RenderingOptions.ChildMemoryLimitMb"/>, <see cref="RenderErrorCode.Corrupt"/> when it failed or wrote what
    /// is not its XHTML, <see cref="RenderErrorCode.RendererMissing"/> when it is not installed.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<RenderResult<IReadOnlyList<TextPage>>> TryReadAsync(string pdfPath, int? firstPage, int? lastPage, CancellationToken cancellationToken)
    {
        var tool = tools.Resolve("pdftotext");
        if (!tool.Succeeded)
        {
            return RenderResult<IReadOnlyList<TextPage>>.Failure(tool.Error);
        }

        List<string> arguments = ["-bbox-layout", "-enc", "UTF-8"];
        if (firstPage is { } first)
        {
            arguments.AddRange(["-f", first.ToString(CultureInfo.InvariantCulture)]);
        }

        if (lastPage is { } last)
        {
            arguments.AddRange(["-l", last.ToString(CultureInfo.InvariantCulture)]);
        }

        var limit = options.CurrentValue.TextLayerTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        BufferedCommandResult result;
        try
        {
            result = await ChildProcessLimits.Wrap(tool.Value, [.. arguments, pdfPath, "-"], options.CurrentValue)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own limit ran out, not the caller's patience: a typed timeout, which the caller may choose to live with.
            return RenderResult<IReadOnlyList<TextPage>>.Failure(
                RenderErrorCode.RenderTimeout,
                string.Create(CultureInfo.InvariantCulture, $"Reading the text layer took longer than {limit.TotalSeconds:0.###} s (Rendering:TextLayerTimeout); pdftotext was stopped."));
        }

        if (result.ExitCode != 0 && ChildProcessLimits.ReportsOutOfMemory(result.StandardError))
        {
            return RenderResult<IReadOnlyList<TextPage>>.Failure(
                RenderErrorCode.RenderOutOfMemory,
                string.Create(CultureInfo.InvariantCulture, $"Reading the text layer needed more than the {options.CurrentValue.ChildMemoryLimitMb} MB Poppler may take (Rendering:ChildMemoryLimitMb); pdftotext was stopped."));
        }

        if (result.ExitCode != 0)
        {
            return RenderResult<IReadOnlyList<TextPage>>.Failure(
                RenderErrorCode.Corrupt, $"pdftotext could not read the text layer ({PdfInfoDiagnostics.FirstError(result.StandardError)}).");
        }

        try
        {
            return RenderResult<IReadOnlyList<TextPage>>.Success(Parse(result.StandardOutput, firstPage ?? 1));
        }
        catch (XmlException exception)
        {
            return RenderResult<IReadOnlyList<TextPage>>.Failure(
                RenderErrorCode.Corrupt, $"pdftotext's text layer is not well-formed XHTML ({exception.Message}).");
        }
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
