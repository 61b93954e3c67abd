using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision feedback &lt;id&gt; --actual-min X</c>: records the real spindle time of a stored estimate.
/// Exit 0 stored, 2 invalid (<see cref="FeedbackLimits"/>) or unknown, 4 stale <c>--if-match</c> token (nothing overwritten).
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The document id (the PDF's SHA-256)." };
        var actual = new Option<double>("--actual-min") { Description = "Real spindle time in minutes (> 0, < 10000).", Required = true };
        var source = new Option<FeedbackSource>("--source") { Description = "actual (measured on the machine) or expert (a person's estimate).", HelpName = "actual|expert", DefaultValueFactory = _ => FeedbackSource.Actual };
        var part = new Option<int?>("--part") { Description = "The part (1-based, as the estimate lists them); default: the whole document." };
        var partType = new Option<PartType?>("--part-type") { Description = "Corrected part type: ROT (turned), PRI (prismatic) or COMBINED.", HelpName = "ROT|PRI|COMBINED" };
        var complexity = new Option<Complexity?>("--complexity") { Description = "Corrected complexity: simple, medium or complex.", HelpName = "simple|medium|complex" };
        var material = new Option<string?>("--material") { Description = $"Corrected material (at most {FeedbackLimits.MaxShortTextLength} characters)." };
        var by = new Option<string?>("--by") { Description = $"Who is entering it (at most {FeedbackLimits.MaxShortTextLength} characters)." };
        var notes = new Option<string?>("--notes") { Description = $"Notes (at most {FeedbackLimits.MaxNotesLength} characters)." };
        var ifMatch = new Option<string?>("--if-match") { Description = "The estimate's concurrency token; default: the current one, read just before writing." };
        var data = CommonOptions.Data();

        var command = new Command("feedback", "Record the real spindle time of a stored estimate.")
        {
            id, actual, source, part, partType, complexity, material, by, notes, ifMatch, data,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, stderr) =>
            {
                var feedback = new ShopFeedback
                {
                    ActualMinutes = parse.GetValue(actual),
                    Source = parse.GetValue(source),
                    Part = parse.GetValue(part),
                    PartType = parse.GetValue(partType),
                    Complexity = parse.GetValue(complexity),
                    Material = parse.GetValue(material),
                    EnteredBy = parse.GetValue(by),
                    Notes = parse.GetValue(notes),
                };
                var given = parse.GetRequiredValue(id);
                var documentId = DocumentId.TryParse(given, out var parsed) ? parsed.Value : given.Trim();
                var result = await services.GetRequiredService<FeedbackService>()
                    .RecordAsync(documentId, feedback, parse.GetValue(ifMatch), cancellationToken);
                return result.Outcome switch
                {
                    FeedbackOutcome.Saved => WriteSaved(stdout, documentId, result.ETag!),
                    FeedbackOutcome.Conflict => CliOutput.WriteError(stdout, stderr, "stale_token", result.Message!, ExitCodes.Conflict),
                    FeedbackOutcome.NotFound => CliOutput.WriteError(stdout, stderr, "not_found", result.Message!, ExitCodes.BadInput),
                    _ => CliOutput.WriteError(stdout, stderr, "invalid_feedback", result.Message!, ExitCodes.BadInput),
                };
            }, cancellationToken));
        return command;
    }

    private static int WriteSaved(TextWriter stdout, string documentId, string etag)
    {
        CliOutput.WriteResult(stdout, new { id = documentId, etag });
        return ExitCodes.Success;
    }
}
