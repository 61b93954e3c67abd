using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Options;
using TimeVision.Cli.Serve;
using TimeVision.Core.Recovery;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision serve [--port 7071] [--data DIR] [--listen ADDR --token T]</c>: the estimator's page and the HTTP API
/// of the Functions app (same routes, same JSON) on this machine, on the local stores and the local Durable Task
/// engine. It binds to 127.0.0.1 unless <c>--listen</c> names another address; then every request needs the token,
/// given with <c>--token</c> or generated and printed once. Runs until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The port to listen on (0: any free port).", DefaultValueFactory = _ => 7071 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be from 0 to 65535.");
            }
        });
        var listen = new Option<IPAddress?>("--listen")
        {
            Description = "Listen on this address (0.0.0.0 for every interface) instead of 127.0.0.1; every request then needs the token.",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (IPAddress.TryParse(text, out var address))
                {
                    return address;
                }

                result.AddError($"--listen '{text}' is not an IP address.");
                return null;
            },
        };
        var token = new Option<string?>("--token") { Description = "The access token asked of every request (default with --listen: a new random one, printed once)." };
        token.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } given && (given.Length < 16 || given.Any(c => c <= ' ' || c > '~')))
            {
                result.AddError("--token must be at least 16 printable ASCII characters without spaces.");
            }
        });
        var data = CommonOptions.Data();
        var command = new Command("serve", "Serve the estimator's page and the HTTP API on this machine (http://127.0.0.1:7071/ by default).")
        {
            port, data, listen, token,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var address = parse.GetValue(listen);
            var given = parse.GetValue(token);
            var accessToken = given ?? (address is null ? null : AccessToken.Generate());
            var settings = new ServeSettings(address ?? IPAddress.Loopback, parse.GetValue(port), accessToken);
            ServeHost host;
            try
            {
                host = await ServeHost.StartAsync(settings, CommonOptions.Overrides(parse, data), cancellationToken);
            }
            catch (OptionsValidationException exception)
            {
                return CliOutput.WriteError(stdout, stderr, "invalid_option", string.Join(" ", exception.Failures), ExitCodes.BadInput);
            }
            catch (DataFolderInUseException exception)
            {
                return CliOutput.WriteError(stdout, stderr, DataFolderInUseException.Code, exception.Message, ExitCodes.BadInput);
            }
            catch (IOException exception) when (exception.InnerException is System.Net.Sockets.SocketException || exception.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                return CliOutput.WriteError(stdout, stderr, "address_in_use", $"Cannot listen on {settings.Address}:{settings.Port}: {exception.Message}", ExitCodes.BadInput);
            }

            await using (host)
            {
                var link = accessToken is null ? host.Address.ToString() : $"{host.Address}?token={Uri.EscapeDataString(accessToken)}";
                await stdout.WriteLineAsync($"TimeVision is serving at {link}");
                if (accessToken is not null && given is null)
                {
                    await stdout.WriteLineAsync($"Access token (shown only now): {accessToken}");
                }

                await stdout.FlushAsync(cancellationToken);
                await stderr.WriteLineAsync("Press Ctrl+C to stop.");
                try
                {
                    await host.WaitForShutdownAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Stopped.
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
