using System.Diagnostics;

namespace TimeVision.Testing;

/// <summary>A PDF's text as Poppler's <c>pdftotext -layout</c> reads it: what a person (or a mail filter) would copy out of it.</summary>
public static class PdfText
{
    /// <summary>The text of <paramref name="pdf"/>, in UTF-8, its lines in the page's layout.</summary>
    public static async Task<string> ReadAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var path = Path.Combine(Path.GetTempPath(), $"timevision-pdftext-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, cancellationToken);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-layout", "-enc", "UTF-8", path, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? await text : throw new InvalidOperationException($"pdftotext failed ({process.ExitCode}): {await errors}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
