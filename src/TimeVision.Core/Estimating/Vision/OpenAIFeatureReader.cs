using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Estimating.Vision.Spend;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// The features task: a part's sheets go to a model together with the <c>reading</c> prompt set, and the reply is the
/// part's features in the part-features contract, sizes in millimetres (<see cref="PartFeaturesJson.ReadingSchemaText"/>),
/// read as the pipeline reads a reply's <c>part_features</c> (<see cref="PartFeaturesReader"/>: what breaks a rule is
/// dropped with a warning). The result is a <see cref="PageEstimateResult"/> with <see cref="PageEstimateResult.Features"/>
/// and no estimate, so it can be stored and reused as a page result is (under the reading prompt's hash). Tries,
/// refusals, invalid replies and the spend budget are as for an estimate (<see cref="ChatCallLoop"/>). The pipeline
/// never calls it: <c>eval --task features</c> and the model check's reading sample do.
/// </summary>
/// <param name="clients">One chat client per model.</param>
/// <param name="prompts">The prompt sets (<see cref="PromptCatalog.ReadingSetId"/>).</param>
/// <param name="budget">The spend budgets every call is held against.</param>
/// <param name="options">Model, image and reply settings.</param>
/// <param name="time">The clock for latency.</param>
/// <param name="logger">Logs each reading's outcome, never its content.</param>
public sealed class OpenAIFeatureReader(
    ChatClients clients,
    PromptCatalog prompts,
    VisionBudget budget,
    IOptionsMonitor<VisionOptions> options,
    TimeProvider time,
    ILogger<OpenAIFeatureReader> logger)
{
    /// <summary>The most sheets one reading sends (the training export's limit of images per example).</summary>
    public const int MaxSheets = 10;

    private const string SchemaName = "part_features";

    /// <summary>Reads the part on <paramref name="sheets"/> with <paramref name="model"/>, worded as configured.</summary>
    /// <param name="sheets">The part's rendered sheets, in page order (1 to <see cref="MaxSheets"/>).</param>
    /// <param name="model">The model.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public Task<PageEstimateResult> ReadPartAsync(IReadOnlyList<BinaryData> sheets, string model, CancellationToken cancellationToken) =>
        ReadPartAsync(sheets, model, dialect: null, cancellationToken);

    /// <summary>Reads the part as <see cref="ReadPartAsync(IReadOnlyList{BinaryData}, string, CancellationToken)"/>, worded in <paramref name="dialect"/> (<see langword="null"/>: as configured).</summary>
    /// <param name="sheets">The part's rendered sheets, in page order.</param>
    /// <param name="model">The model.</param>
    /// <param name="dialect">The request's wording; <see langword="null"/> for the model's configured one.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<PageEstimateResult> ReadPartAsync(IReadOnlyList<BinaryData> sheets, string model, ModelDialect? dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (sheets.Count is 0 or > MaxSheets)
        {
            throw new ArgumentOutOfRangeException(nameof(sheets), sheets.Count, $"A reading sends 1 to {MaxSheets} sheets.");
        }

        var call = options.CurrentValue.For(model);
        call = dialect is null ? call : call with { Dialect = dialect };
        var images = new List<ModelImage>(sheets.Count);
        foreach (var sheet in sheets)
        {
            images.Add(await ModelImage.FromPageAsync(sheet, call.MaxImageLongSidePx, cancellationToken));
        }

        var page = new PageCall(model, PromptFor(call.Dialect.ResponseFormat), call.Detail, images, time, time.GetTimestamp(), TryCounter.Begin());
        var reservation = await budget.ReserveAsync(model, cancellationToken);
        if (reservation.Refusal is { } notSent)
        {
            Log.PageFailed(logger, model, notSent.Code, page.Tries);
            return page.Result(PageEstimateStatus.Failed) with { Error = notSent };
        }

        try
        {
            return await ChatCallLoop.RunAsync(
                page,
                clients.For(model),
                call,
                OpenAIVisionEstimator.CompletionOptions(call.Dialect, SchemaName, PartFeaturesJson.ReadingStructuredOutputSchema, PartFeaturesJson.ReadingLooseOutputSchema),
                () => Messages(page),
                (text, cutOff) => Read(page, text, cutOff),
                "The model refused to read this part, twice.",
                logger,
                cancellationToken);
        }
        finally
        {
            await budget.SettleAsync(reservation, page.InputTokens, page.OutputTokens, CancellationToken.None);
        }
    }

    /// <summary>
    /// The prompt a reading sends for <paramref name="format"/>: the <c>reading</c> set, with the contract's shape after
    /// its user text when the request does not carry the schema. Its hash keys stored readings.
    /// </summary>
    /// <param name="format">The reply format of the request.</param>
    public PromptSet PromptFor(ReplyFormat format)
    {
        var set = prompts.Get(PromptCatalog.ReadingSetId);
        return ReplyFormats.PromptCarriesShape(format) ? new PromptSet(set.Id, set.Version, set.SystemText, $"{set.UserText}\n\n{ReplyShape.ReadingText}") : set;
    }

    /// <summary>The reading result of a reply that is not a refusal; <see langword="null"/> when an invalid one sends the sheets again.</summary>
    private PageEstimateResult? Read(PageCall page, string? text, int? cutOff)
    {
        var (part, error) = Parse(text);
        if (part is null && cutOff is { } cap)
        {
            error = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The reply was cut off at the output-token cap of {cap} (max_completion_tokens); raise Vision:MaxOutputTokens. {error}");
        }

        if (part is null)
        {
            if (page.RetryAfterInvalidReply(error))
            {
                return null;
            }

            Log.PageFailed(logger, page.ModelId, VisionErrorCode.InvalidReply, page.Tries);
            return page.Result(PageEstimateStatus.Failed) with { Error = new VisionError(VisionErrorCode.InvalidReply, error!), RawReply = text ?? string.Empty };
        }

        var read = PartFeaturesReader.Read(part, DrawingUnits.Millimetres, Confidence.Medium);
        page.Warnings.AddRange(read.Warnings);
        Log.PartRead(logger, page.ModelId, read.Features?.Features.Count ?? 0, page.Tries);
        return page.Result(PageEstimateStatus.Completed) with { Features = read.Features };
    }

    private static (JsonObject? Part, string? Error) Parse(string? text)
    {
        if (ReplyText.ExtractJson(text) is not { } json)
        {
            return (null, "The reply contains no JSON object.");
        }

        try
        {
            return JsonNode.Parse(json) switch
            {
                JsonObject { } part when part["features"] is JsonArray => (part, null),
                JsonObject => (null, "The reply has no features list: it is not a reading of the part."),
                _ => (null, "The reply's JSON is not an object."),
            };
        }
        catch (JsonException exception)
        {
            return (null, $"The reply is not valid JSON: {exception.Message}");
        }
    }

    private static ChatMessage[] Messages(PageCall page)
    {
        var parts = page.Images.Select(image => ChatMessageContentPart.CreateImagePart(image.Png, "image/png", new ChatImageDetailLevel(page.Detail))).ToList();
        parts.Add(ChatMessageContentPart.CreateTextPart(page.Prompt.UserText));
        return [new SystemChatMessage(page.Prompt.SystemText), new UserChatMessage(parts)];
    }
}
