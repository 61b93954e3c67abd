using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.Pricing.Documents;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision quote &lt;id&gt; --qty 1,10,50,100,500</c>: a stored estimate's price per batch from its plan and the
/// shop's rates (<see cref="EstimateQuotes"/>, as <c>GET /api/estimates/{id}/quote</c>); <c>--freeze</c> stores it as a
/// price set, <c>--list</c> and <c>--frozen N</c> show the frozen ones; <c>--pdf FILE</c> and <c>--csv FILE</c> also write
/// the offer and the ERP export (<see cref="QuoteFileOptions"/>). Exit 0 priced, 2 bad input or unknown id, 3 no price
/// (no plan, no stock, rates missing).
/// </summary>
internal static class QuoteCommand
{
    private static readonly JsonSerializerOptions Indented = new(PlanningJson.Options) { WriteIndented = true };

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "A stored estimate's id (the PDF's SHA-256)." };
        var qty = new Option<string?>("--qty") { Description = "Batch quantities, e.g. 1,10,50,100,500 (the default)." };
        var rates = new Option<FileInfo?>("--rates") { Description = "Rates for this quote only (JSON, as rates show --json prints them), instead of those in use." };
        var coop = new Option<FileInfo?>("--coop") { Description = "Outsourced operations (JSON list of {name, pricePerPiece, minPrice, workCentre}), priced per piece." };
        var freeze = new Option<bool>("--freeze") { Description = "Store the quote as a frozen price set (never changed; a newer one supersedes it)." };
        var by = new Option<string?>("--by") { Description = "Who freezes it, recorded with it." };
        var list = new Option<bool>("--list") { Description = "List the estimate's frozen quotes instead." };
        var frozen = new Option<int?>("--frozen") { Description = "Show frozen quote N as it was frozen instead." };
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var documents = new QuoteFileOptions();
        var command = new Command("quote", "Price a stored estimate per batch from its process plan and the shop's rates; freeze it as a price set; print it as a PDF offer or export it as a CSV.")
        {
            id, qty, rates, coop, freeze, by, list, frozen, data, json,
        };
        foreach (var option in documents.All)
        {
            command.Options.Add(option);
        }

        var inputs = new QuoteArguments(id, qty, rates, coop, freeze, by, list, frozen, json, documents);
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse, CommonOptions.Overrides(parse, data), (services, stdout, stderr) => RunAsync(services, parse, inputs, stdout, stderr, cancellationToken), cancellationToken));
        return command;
    }

    /// <summary>What <c>quote</c> does with its parsed arguments: lists, shows a frozen quote, freezes or prices.</summary>
    private static async Task<int> RunAsync(
        IServiceProvider services, ParseResult parse, QuoteArguments inputs, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (id, qty, rates, coop, freeze, by, list, frozen, json, documents) = inputs;
        var quotes = services.GetRequiredService<EstimateQuotes>();
        var documentId = parse.GetRequiredValue(id).Trim();
        var asJson = parse.GetValue(json);
        var (files, code, message) = documents.Read(parse);
        if (files is null)
        {
            return CliOutput.WriteError(stdout, stderr, code!, message!, ExitCodes.BadInput);
        }

        var answer = new Answer(services.GetRequiredService<QuoteDocuments>(), files, asJson, stdout, stderr);
        if (parse.GetValue(list))
        {
            return await ListAsync(quotes, documentId, asJson, stdout, stderr, cancellationToken);
        }

        if (parse.GetValue(frozen) is { } number)
        {
            return await ShowFrozenAsync(quotes, documentId, number, answer, cancellationToken);
        }

        var request = await RequestAsync(parse.GetValue(qty), parse.GetValue(coop), stdout, stderr, cancellationToken);
        if (request.Value is null)
        {
            return request.Exit;
        }

        var (given, refused) = await GivenRatesAsync(parse.GetValue(rates), stdout, stderr, cancellationToken);
        if (refused is { } exit)
        {
            return exit;
        }

        return parse.GetValue(freeze)
            ? await FrozenAsync(await quotes.FreezeAsync(documentId, request.Value, given, parse.GetValue(by), cancellationToken), answer, cancellationToken)
            : await QuotedAsync(await quotes.QuoteAsync(documentId, request.Value, given, cancellationToken), answer, cancellationToken);
    }

    /// <summary>The rates of <c>--rates</c> for this quote only, or none; an exit code when the file is refused.</summary>
    private static async Task<(ShopRates? Rates, int? Exit)> GivenRatesAsync(FileInfo? file, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return (null, null);
        }

        var read = await RatesFile.ReadForQuoteAsync(file.FullName, cancellationToken);
        return read.Value is null
            ? (null, CliOutput.WriteError(stdout, stderr, read.Error!.Code, read.Error.Message, ExitCodes.BadInput))
            : (read.Value, null);
    }

    private static async Task<(QuoteRequest? Value, int Exit)> RequestAsync(string? qty, FileInfo? coop, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var quantities = QuoteRequest.DefaultQuantities;
        if (qty is not null && QuoteRequest.TryParseQuantities(qty, out quantities) is { } bad)
        {
            return (null, CliOutput.WriteError(stdout, stderr, QuoteProblem.InvalidQuantities, $"--qty: {bad}", ExitCodes.BadInput));
        }

        if (coop is null)
        {
            return (new QuoteRequest { Quantities = quantities }, ExitCodes.Success);
        }

        var lines = await JsonInputFile.ReadAsync<List<CooperationLine>>(coop.FullName, l => QuoteRequest.CheckCooperation(l), cancellationToken);
        return lines.Value is null
            ? (null, CliOutput.WriteError(stdout, stderr, lines.Error!.Code, lines.Error.Message, ExitCodes.BadInput))
            : (new QuoteRequest { Quantities = quantities, Cooperation = lines.Value }, ExitCodes.Success);
    }

    private static async Task<int> QuotedAsync(QuoteOutcome outcome, Answer answer, CancellationToken cancellationToken)
    {
        if (outcome.Quote is not { } quote)
        {
            return Refused(outcome.Problem!, answer.Stdout, answer.Stderr);
        }

        if (await answer.Files.WriteAsync(answer.Documents, quote, null, cancellationToken) is { } notWritten)
        {
            return CliOutput.WriteError(answer.Stdout, answer.Stderr, "file_not_written", notWritten, ExitCodes.BadInput);
        }

        if (answer.Json)
        {
            answer.Stdout.WriteLine(JsonSerializer.Serialize(quote, Indented));
        }
        else
        {
            QuoteOutput.Write(answer.Stdout, quote);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> FrozenAsync(FreezeOutcome outcome, Answer answer, CancellationToken cancellationToken)
    {
        if (outcome.Quote is not { } frozen)
        {
            return Refused(outcome.Problem!, answer.Stdout, answer.Stderr);
        }

        if (await answer.Files.WriteAsync(answer.Documents, frozen.Quote, frozen, cancellationToken) is { } notWritten)
        {
            return CliOutput.WriteError(answer.Stdout, answer.Stderr, "file_not_written", notWritten, ExitCodes.BadInput);
        }

        if (answer.Json)
        {
            answer.Stdout.WriteLine(JsonSerializer.Serialize(frozen, Indented));
        }
        else
        {
            QuoteOutput.Write(answer.Stdout, frozen);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(EstimateQuotes quotes, string documentId, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (await quotes.ListAsync(documentId, cancellationToken) is not { } list)
        {
            return Refused(new QuoteProblem(QuoteProblem.NotFound, $"No stored estimate with id '{documentId}'."), stdout, stderr);
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { items = list.Select(FrozenQuoteSummary.Of) }, Indented));
        }
        else
        {
            QuoteOutput.Write(stdout, list);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> ShowFrozenAsync(EstimateQuotes quotes, string documentId, int number, Answer answer, CancellationToken cancellationToken) =>
        await quotes.GetAsync(documentId, number, cancellationToken) is { } frozen
            ? await FrozenAsync(new FreezeOutcome(frozen, null), answer, cancellationToken)
            : Refused(new QuoteProblem(QuoteProblem.NotFound, $"The estimate '{documentId}' has no frozen quote {number}."), answer.Stdout, answer.Stderr);

    private static int Refused(QuoteProblem problem, TextWriter stdout, TextWriter stderr) => CliOutput.WriteError(
        stdout,
        stderr,
        problem.Code,
        problem.Message,
        problem.Code is QuoteProblem.NotFound or QuoteProblem.InvalidQuantities or QuoteProblem.InvalidCooperation or QuoteProblem.RatesUnavailable
            ? ExitCodes.BadInput
            : ExitCodes.Incomplete);

    /// <summary>Where and how a quote is answered: the documents to write beside it, JSON or text, and the streams.</summary>
    private sealed record Answer(QuoteDocuments Documents, QuoteFiles Files, bool Json, TextWriter Stdout, TextWriter Stderr);

    /// <summary>The command's arguments and options, as <see cref="RunAsync"/> reads them.</summary>
    private sealed record QuoteArguments(
        Argument<string> Id,
        Option<string?> Qty,
        Option<FileInfo?> Rates,
        Option<FileInfo?> Coop,
        Option<bool> Freeze,
        Option<string?> By,
        Option<bool> List,
        Option<int?> Frozen,
        Option<bool> Json,
        QuoteFileOptions Documents);
}
