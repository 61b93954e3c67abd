using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Options;
using TimeVision.Cli.Serve;
using TimeVision.Core.Estimating.Pipeline.Recovery;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision serve [--port 7071] [--data DIR] [--listen ADDR] [--token-file F --admin-token-file F]</c>: the
/// estimator's page and the HTTP API of the Functions app (same routes, same JSON) on this machine, on the local stores
/// and the local Durable Task engine. It binds to 127.0.0.1 unless <c>--listen</c> names another address; then every
/// request needs a token, the estimators' or the admin's (<see cref="ServeTokenOptions"/>), each given or generated
/// and printed once in a link. Runs until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = PortOption();
        var listen = ListenOption();
        var tokens = new ServeTokenOptions();
        var data = CommonOptions.Data();
        var command = new Command(
            "serve",
            "Serve the estimator's page and the HTTP API on this machine (http://127.0.0.1:7071/ by default). Pages are estimated by "
            + "the active model (timevision model activate MODEL, or Vision__Model), reached with OPENAI_API_KEY (and OPENAI_BASE_URL "
            + "for Azure OpenAI or another OpenAI-compatible endpoint); with no key and no model named, by the offline estimate.")
        {
            port, data, listen,
        };
        foreach (var option in tokens.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var address = parse.GetValue(listen);
            var (estimatorToken, adminToken, tokenError) = tokens.Resolve(parse, listens: address is not null);
            if (tokenError is not null)
            {
                return CliOutput.WriteError(stdout, stderr, "invalid_option", tokenError, ExitCodes.BadInput);
            }

            var settings = new ServeSettings(address ?? IPAddress.Loopback, parse.GetValue(port), estimatorToken?.Value, adminToken?.Value);
            var (host, refused) = await TryStartAsync(settings, parse, data, stdout, stderr, cancellationToken);
            if (host is null)
            {
                return refused;
            }

            await ServeUntilStoppedAsync(host, estimatorToken, adminToken, stdout, stderr, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The started host, or none and the exit code of the error written when it cannot start.</summary>
    private static async Task<(ServeHost? Host, int ExitCode)> TryStartAsync(
        ServeSettings settings, ParseResult parse, Option<DirectoryInfo?> data, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return (await ServeHost.StartAsync(settings, CommonOptions.Overrides(parse, data), cancellationToken), ExitCodes.Success);
        }
        catch (OptionsValidationException exception)
        {
            return (null, CliOutput.WriteError(stdout, stderr, "invalid_option", string.Join(" ", exception.Failures), ExitCodes.BadInput));
        }
        catch (DataFolderInUseException exception)
        {
            return (null, CliOutput.WriteError(stdout, stderr, DataFolderInUseException.Code, exception.Message, ExitCodes.BadInput));
        }
        catch (IOException exception) when (exception.InnerException is System.Net.Sockets.SocketException || exception.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            return (null, CliOutput.WriteError(
                stdout, stderr, "address_in_use", $"Cannot listen on {settings.Address}:{settings.Port}: another program uses it. Stop it, or choose another --port.", ExitCodes.BadInput));
        }
    }

    /// <summary>Prints the links, then serves until Ctrl+C, and disposes the host.</summary>
    private static async Task ServeUntilStoppedAsync(
        ServeHost host, ServeToken? estimatorToken, ServeToken? adminToken, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        await using (host)
        {
            await WriteLinksAsync(stdout, ServeAddresses.Reachable(host.Address), estimatorToken, adminToken);
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
    }

    private static Option<int> PortOption()
    {
        var port = new Option<int>("--port") { Description = "The port to listen on (0: any free port).", DefaultValueFactory = _ => 7071 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be from 0 to 65535.");
            }
        });
        return port;
    }

    private static Option<IPAddress?> ListenOption() => new("--listen")
    {
        Description = "Listen on this address (0.0.0.0 for every interface) instead of 127.0.0.1; every request then needs a token.",
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

    /// <summary>
    /// Prints the address other PCs can open and, with tokens, a link for the estimators and one for the admin; a
    /// generated token is shown only now, a given one is named by where it came from, never printed.
    /// </summary>
    private static async Task WriteLinksAsync(TextWriter stdout, Uri address, ServeToken? estimator, ServeToken? admin)
    {
        await stdout.WriteLineAsync($"TimeVision is serving at {address}");
        foreach (var (who, token) in new[] { ("Estimators'", estimator), ("Admin's", admin) })
        {
            if (token is null)
            {
                continue;
            }

            await stdout.WriteLineAsync(token.From is null
                ? $"{who} link (its token is shown only now): {address}?token={Uri.EscapeDataString(token.Value)}"
                : $"{who} token: from {token.From}");
        }
    }
}
