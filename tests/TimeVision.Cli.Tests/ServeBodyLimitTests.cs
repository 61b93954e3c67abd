using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using TimeVision.Cli.Serve;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision serve</c>'s body limit is <c>Pipeline:MaxPdfBytes</c> (50 MB by default), not Kestrel's 30 MB: a valid
/// PDF under the cap is taken, one over it is 413 with a code, chunked or not. The bytes are made in the test.
/// </summary>
public sealed class ServeBodyLimitTests : FakeOpenAITestBase
{
    private const int MegaByte = 1024 * 1024;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_valid_40_MB_pdf_is_taken_with_or_without_its_length(bool sendLength)
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };
        using var content = Pdf(new MemoryStream(TestPdfs.Padded(40 * MegaByte)), sendLength);

        using var answer = await http.PostAsync(new Uri("api/estimates?name=scan.pdf", UriKind.Relative), content, Token);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_pdf_over_the_cap_is_413_too_large_never_500(bool chunked)
    {
        await using var serve = await StartAsync();

        var answer = await PostRawAsync(serve.Address, "/api/estimates?name=big.pdf", "application/pdf", 60 * MegaByte, chunked);

        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"too_large\"", answer, StringComparison.Ordinal);
        Assert.Contains("\"params\":{\"limitMb\":\"50\"}", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_to_another_route_is_413_too()
    {
        await using var serve = await StartAsync();

        var answer = await PostRawAsync(serve.Address, "/api/history/imports", "text/csv", 60 * MegaByte, chunked: true);

        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":", answer, StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts <paramref name="length"/> bytes (a PDF header, then zeros) over a plain socket and reads the answer as
    /// curl would: the server answers and closes while the body is still coming, which HttpClient reports as a broken
    /// pipe instead of the answer. The raw answer, up to the end of its JSON.
    /// </summary>
    private static async Task<string> PostRawAsync(Uri address, string path, string contentType, int length, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, Token);
        var stream = client.GetStream();
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {length}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: {contentType}\r\n{framing}\r\n\r\n"), Token);
        var sending = SendBodyAsync(stream, length, chunked);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while (!answer.ToString().Contains("}}", StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, Token)) > 0)
        {
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        client.Close();
        await sending;
        return answer.ToString();
    }

    /// <summary>Sends the body in 1 MB pieces until it is all sent or the server has closed the connection.</summary>
    private static async Task SendBodyAsync(NetworkStream stream, int length, bool chunked)
    {
        var piece = new byte[MegaByte];
        "%PDF-1.7\n"u8.CopyTo(piece);
        try
        {
            for (var sent = 0; sent < length; sent += piece.Length)
            {
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n"), Token);
                }

                await stream.WriteAsync(piece, Token);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray(), Token);
                }

                piece.AsSpan(0, 9).Clear();
            }

            if (chunked)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), Token);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The server answered and closed, as it may for a body over the limit.
        }
    }

    /// <summary>A PDF body, with its <c>Content-Length</c> or chunked (a stream that cannot say its length).</summary>
    private static StreamContent Pdf(MemoryStream bytes, bool sendLength)
    {
        var content = new StreamContent(sendLength ? bytes : new UnseekableStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    private Task<ServeHost> StartAsync() => ServeHost.StartAsync(
        new ServeSettings(IPAddress.Loopback, 0, Token: null),
        new Dictionary<string, string?>(ServerSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["Storage:DataDirectory"] = Path.Combine(Folder.Path, "data"),
        },
        Token);

    /// <summary>A stream that hides its length, so the client sends it chunked.</summary>
    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
