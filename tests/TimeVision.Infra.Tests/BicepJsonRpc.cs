using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TimeVision.Infra.Tests;

/// <summary>
/// One Bicep CLI process answering JSON-RPC on its standard input and output (<c>bicep jsonrpc --stdio</c>), so that
/// several files compile in one process: starting the CLI costs more than compiling a file. Messages are framed as in
/// the Language Server Protocol (a <c>Content-Length</c> header, an empty line, the JSON); that is a few lines here, where
/// StreamJsonRpc would bring four packages for it.
/// </summary>
internal sealed class BicepJsonRpc : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private int _lastId;

    public BicepJsonRpc(string bicep)
    {
        var start = new ProcessStartInfo(bicep)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("jsonrpc");
        start.ArgumentList.Add("--stdio");
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bicep}.");
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Calls <paramref name="method"/> (<c>bicep/compile</c>, <c>bicep/compileParams</c>) and returns its result.</summary>
    public JsonElement Call(string method, object parameters)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id = ++_lastId, method, @params = parameters });
        var input = _process.StandardInput.BaseStream;
        input.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n")));
        input.Write(body);
        input.Flush();

        using var answer = JsonDocument.Parse(ReadMessage());
        if (answer.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"bicep {method} failed: {error} {Stderr}");
        }

        return answer.RootElement.GetProperty("result").Clone();
    }

    public void Dispose()
    {
        _process.StandardInput.Close(); // the CLI ends when its input does
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    private byte[] ReadMessage()
    {
        var output = _process.StandardOutput.BaseStream;
        var length = -1;
        for (var header = ReadLine(output); header.Length > 0; header = ReadLine(output))
        {
            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..], CultureInfo.InvariantCulture);
            }
        }

        if (length < 0)
        {
            throw new InvalidOperationException($"bicep jsonrpc answered without a Content-Length: {Stderr}");
        }

        var body = new byte[length];
        output.ReadExactly(body);
        return body;
    }

    private string ReadLine(Stream output)
    {
        var line = new StringBuilder();
        for (var next = output.ReadByte(); next != '\n'; next = output.ReadByte())
        {
            if (next < 0)
            {
                throw new InvalidOperationException($"bicep jsonrpc ended (exit {(_process.HasExited ? _process.ExitCode : -1)}): {Stderr}");
            }

            line.Append((char)next);
        }

        return line.ToString().TrimEnd('\r');
    }
}
