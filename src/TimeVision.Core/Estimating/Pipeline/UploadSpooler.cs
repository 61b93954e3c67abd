using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// Reads an incoming PDF once into a private temporary file while hashing and measuring it, so its id is known without
/// holding it in memory, and applies the size rule of every way in (<see cref="PipelineOptions.MaxPdfBytes"/>).
/// </summary>
/// <param name="pipeline">The size limit, read at each upload.</param>
public sealed class UploadSpooler(IOptionsMonitor<PipelineOptions> pipeline)
{
    private const int CopyBufferBytes = 81920;

    /// <summary>
    /// The size rule of every way in: a PDF of more than <see cref="PipelineOptions.MaxPdfBytes"/> is
    /// <see cref="RenderErrorCode.TooLarge"/>; <see langword="null"/> when <paramref name="bytes"/> is within it.
    /// </summary>
    public RenderError? CheckSize(long bytes)
    {
        var maxBytes = pipeline.CurrentValue.MaxPdfBytes;
        return bytes > maxBytes
            ? new RenderError(RenderErrorCode.TooLarge, $"The PDF is larger than {DescribeBytes(maxBytes)} (Pipeline:MaxPdfBytes).")
            {
                Params = Json.MessageParams.Of(("limitMb", Math.Round(maxBytes / (1024.0 * 1024), 1))),
            }
            : null;
    }

    /// <summary>
    /// Reads <paramref name="content"/> once into a temporary file (deleted on dispose) while hashing and measuring it;
    /// past the size limit it stops writing (and, when <paramref name="stopWhenTooLarge"/>, reading), and says so.
    /// </summary>
    public async Task<SpooledPdf> SpoolAsync(Stream content, bool stopWhenTooLarge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Path.Combine(Path.GetTempPath(), $"timevision-intake-{Guid.NewGuid():N}.pdf");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBufferBytes, FileOptions.DeleteOnClose);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[CopyBufferBytes];
            long length = 0;
            RenderError? tooLarge = null;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                tooLarge ??= CheckSize(length);
                if (tooLarge is not null && stopWhenTooLarge)
                {
                    return new SpooledPdf(file, default, length, tooLarge);
                }

                hash.AppendData(buffer, 0, read);
                if (tooLarge is null)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return new SpooledPdf(file, DocumentId.FromHash(hash.GetHashAndReset()), length, tooLarge);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static string DescribeBytes(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}

/// <summary>A PDF read once into a temporary file, deleted when this is disposed.</summary>
/// <param name="File">The temporary file, holding every byte read unless the PDF is too large.</param>
/// <param name="Id">The content's document id (<see langword="default"/> when reading stopped early).</param>
/// <param name="Length">The bytes read.</param>
/// <param name="TooLarge">The size error, when the PDF is over the limit.</param>
public sealed record SpooledPdf(FileStream File, DocumentId Id, long Length, RenderError? TooLarge) : IAsyncDisposable
{
    /// <summary>
    /// Why a spooled upload is not a PDF to run: empty, or not starting like a PDF; <see langword="null"/> when it is one.
    /// </summary>
    public async Task<RenderError?> CheckIsPdfAsync(CancellationToken cancellationToken)
    {
        if (Length == 0)
        {
            return new RenderError(RenderErrorCode.NotPdf, "The upload is empty.");
        }

        File.Position = 0;
        var header = new byte[PdfSignature.SearchWindow];
        var headerLength = await File.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return PdfSignature.IsPdf(header.AsSpan(0, headerLength))
            ? null
            : new RenderError(RenderErrorCode.NotPdf, $"This is not a PDF: {PdfSignature.Describe(header.AsSpan(0, headerLength))}.");
    }

    /// <summary>Deletes the temporary file.</summary>
    public ValueTask DisposeAsync() => File.DisposeAsync();
}
