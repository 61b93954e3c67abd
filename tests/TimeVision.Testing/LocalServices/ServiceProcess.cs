using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TimeVision.Testing.LocalServices;

/// <summary>
/// A local service (Azurite, the Cosmos DB server) run by a test as a child process on a port of its own, so the test
/// can stop it and start it again on the same port, an outage on demand, without touching the shared services other
/// test programs use. Started means its port answers, within <see cref="StartDeadline"/>; stopped means the process
/// has ended, after SIGTERM (the services close their stores cleanly on it) or, past <see cref="StopDeadline"/>, a kill.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    /// <summary>How long a start may take before it fails: a node process reading its modules on a busy two-core machine.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    /// <summary>How long a stopped service may take to exit before it is killed.</summary>
    public static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(10);

    private const int KeptOutputLines = 40;
    private static readonly TimeSpan PortPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _name;
    private readonly string _executable;
    private readonly IReadOnlyList<string> _arguments;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private ServiceProcess(string name, string executable, IReadOnlyList<string> arguments, int port)
    {
        _name = name;
        _executable = executable;
        _arguments = arguments;
        Port = port;
    }

    /// <summary>The loopback port the service listens on, the same after every restart.</summary>
    public int Port { get; }

    /// <summary>
    /// Starts <paramref name="executable"/> with the arguments <paramref name="arguments"/> gives for a free loopback
    /// port, and waits until that port answers.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string name, string executable, Func<int, IReadOnlyList<string>> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var port = FreePort();
        var service = new ServiceProcess(name, executable, arguments(port), port);
        await service.StartAsync(cancellationToken);
        return service;
    }

    /// <summary>Starts the service again on its port (it must be stopped) and waits until the port answers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException($"{_name} is already running.");
        }

        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartDeadline);
        try
        {
            while (!await AnswersAsync(deadline.Token))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{_name} exited with code {process.ExitCode} before it answered on port {Port}. {Output()}");
                }

                await Task.Delay(PortPollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None);
            throw new TimeoutException($"{_name} did not answer on port {Port} within {StartDeadline.TotalSeconds} s. {Output()}");
        }
    }

    /// <summary>Stops the service: SIGTERM, then a kill past <see cref="StopDeadline"/>; returns once the process has ended.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        using (process)
        {
            if (!process.HasExited)
            {
                PosixSignals.Terminate(process.Id);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(StopDeadline);
                try
                {
                    await process.WaitForExitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>A loopback port nothing listens on at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private string Output() => _output.IsEmpty
        ? "It wrote nothing."
        : string.Create(CultureInfo.InvariantCulture, $"Its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
}
