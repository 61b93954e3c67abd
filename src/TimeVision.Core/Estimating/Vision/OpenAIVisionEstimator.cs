using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Estimating.Vision.Spend;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// Estimates a page through the official OpenAI SDK against any OpenAI-compatible endpoint. Transient HTTP failures
/// are retried inside the SDK (<see cref="BoundedRetryPolicy"/>); on top of that, a refusal gets one more try with
/// <c>detail: auto</c> and an invalid reply one more try, before the page is blocked or failed.
/// </summary>
/// <param name="clients">One chat client per model.</param>
/// <param name="activeModel">The model to use when a call names none.</param>
/// <param name="prompts">The prompt sets.</param>
/// <param name="budget">The spend budgets every call is held against.</param>
/// <param name="options">Model, image and reply settings.</param>
/// <param name="time">The clock for latency.</param>
/// <param name="logger">Logs each page's outcome, never its content.</param>
public sealed class OpenAIVisionEstimator(
    ChatClients clients,
    ActiveModel activeModel,
    PromptCatalog prompts,
    VisionBudget budget,
    IOptionsMonitor<VisionOptions> options,
    TimeProvider time,
    ILogger<OpenAIVisionEstimator> logger)
    : IVisionEstimator
{
    private const string SchemaName = "page_estimate";
    private const string FeaturesSchemaName = "page_estimate_with_features";

    /// <inheritdoc />
    public Task<PageEstimateResult> EstimatePageAsync(BinaryData pagePng, string? model, PageFacts? facts, CancellationToken cancellationToken) =>
        EstimatePageAsync(pagePng, model, facts, dialect: null, examples: null, cancellationToken);

    /// <inheritdoc />
    public Task<PageEstimateResult> EstimatePageAsync(
        BinaryData pagePng, string? model, PageFacts? facts, IReadOnlyList<HistoryExample>? examples, CancellationToken cancellationToken) =>
        EstimatePageAsync(pagePng, model, facts, dialect: null, examples, cancellationToken);

    /// <summary>Estimates a page as <see cref="EstimatePageAsync(BinaryData, string?, PageFacts?, CancellationToken)"/>, worded in <paramref name="dialect"/> instead of the model's configured one (the model check tries dialects this way).</summary>
    /// <param name="pagePng">The rendered page.</param>
    /// <param name="model">The model; <see langword="null"/> for the active one.</param>
    /// <param name="facts">The page's text-layer facts.</param>
    /// <param name="dialect">The request's wording; <see langword="null"/> for the model's configured one.</param>
    /// <param name="examples">Similar past parts for the prompt's history section, if it has one.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<PageEstimateResult> EstimatePageAsync(
        BinaryData pagePng, string? model, PageFacts? facts, ModelDialect? dialect, IReadOnlyList<HistoryExample>? examples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pagePng);
        var modelId = string.IsNullOrWhiteSpace(model) ? (await activeModel.ResolveAsync(cancellationToken)).Model : model;
        var call = options.CurrentValue.For(modelId);
        if (dialect is not null)
        {
            call = call with { Dialect = dialect };
        }

        var prompt = prompts.ForModel(modelId, call.Dialect.ResponseFormat);
        var client = clients.For(modelId);
        var image = await ModelImage.FromPageAsync(pagePng, call.MaxImageLongSidePx, cancellationToken);
        var page = new PageCall(modelId, prompt, call.Detail, [image], time, time.GetTimestamp(), TryCounter.Begin());
        var reservation = await budget.ReserveAsync(modelId, cancellationToken);
        if (reservation.Refusal is { } notSent)
        {
            Log.PageFailed(logger, modelId, notSent.Code, page.Tries);
            return page.Result(PageEstimateStatus.Failed) with { Error = notSent };
        }

        try
        {
            return await CallAsync(page, client, call, facts, examples, cancellationToken);
        }
        finally
        {
            // The real cost replaces what was held, whatever ended the calls.
            await budget.SettleAsync(reservation, page.InputTokens, page.OutputTokens, CancellationToken.None);
        }
    }

    /// <summary>Sends the page until a valid estimate, a failure, a second refusal or a second invalid reply (<see cref="ChatCallLoop"/>).</summary>
    private Task<PageEstimateResult> CallAsync(
        PageCall page, ChatClient client, ModelCallSettings call, PageFacts? facts, IReadOnlyList<HistoryExample>? examples, CancellationToken cancellationToken) =>
        ChatCallLoop.RunAsync(
            page,
            client,
            call,
            CompletionOptions(call.Dialect, page.Prompt.ReadsFeatures),
            () => Messages(page.Prompt, page.Image, page.Detail, facts, examples),
            (text, cutOff) => Read(page, text, facts, cutOff),
            "The model refused to estimate this page, twice.",
            logger,
            cancellationToken);

    /// <summary>
    /// The result of a reply that is not a refusal; <see langword="null"/> when an invalid one sends the page again. A
    /// reply the token cap cut off (<paramref name="cutOff"/>, the cap) says so, since longer answers (the part's
    /// features) need a higher <see cref="VisionOptions.MaxOutputTokens"/>.
    /// </summary>
    private PageEstimateResult? Read(PageCall page, string? text, PageFacts? facts, int? cutOff)
    {
        var read = EstimateReader.Read(text, facts, page.Prompt.ReadsFeatures);
        if (read.Estimate is null && cutOff is { } cap)
        {
            read = read with { Error = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The reply was cut off at the output-token cap of {cap} (max_completion_tokens); raise Vision:MaxOutputTokens. {read.Error}") };
        }

        if (read.Estimate is null)
        {
            if (page.RetryAfterInvalidReply(read.Error))
            {
                return null;
            }

            Log.PageFailed(logger, page.ModelId, VisionErrorCode.InvalidReply, page.Tries);
            return page.Result(PageEstimateStatus.Failed) with
            {
                Error = new VisionError(VisionErrorCode.InvalidReply, read.Error ?? "The reply is not a valid estimate."),
                RawReply = text ?? string.Empty,
            };
        }

        page.Warnings.AddRange(read.Warnings);
        page.Warnings.AddRange(AnswerChecks.Check(read.Estimate, facts));
        Log.PageEstimated(logger, page.ModelId, read.Estimate.EstimatedTimeMin, page.Tries);
        return page.Result(PageEstimateStatus.Completed) with { Estimate = read.Estimate, Features = read.Features };
    }

    /// <summary>The request's options in <paramref name="dialect"/>; the schema holds <c>part_features</c> when the set reads features.</summary>
    private static ChatCompletionOptions CompletionOptions(ModelDialect dialect, bool readsFeatures) => readsFeatures
        ? CompletionOptions(dialect, FeaturesSchemaName, PartFeaturesJson.StructuredOutputSchema, PartFeaturesJson.LooseOutputSchema)
        : CompletionOptions(dialect, SchemaName, EstimateJson.StructuredOutputSchema, EstimateJson.LooseOutputSchema);

    /// <summary>
    /// A request's options in <paramref name="dialect"/>: its temperature, token cap and reasoning effort, and the reply
    /// format, holding the schema <paramref name="strict"/> (strict) or <paramref name="loose"/> (plain) where the format
    /// carries one.
    /// </summary>
    internal static ChatCompletionOptions CompletionOptions(ModelDialect dialect, string schemaName, BinaryData strict, BinaryData loose)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var completionOptions = new ChatCompletionOptions
        {
            Temperature = dialect.Temperature is { } temperature ? (float)temperature : null,
            MaxOutputTokenCount = dialect.MaxOutputTokens,
            ResponseFormat = dialect.ResponseFormat switch
            {
                ReplyFormat.JsonSchemaStrict => ChatResponseFormat.CreateJsonSchemaFormat(schemaName, strict, jsonSchemaIsStrict: true),
                ReplyFormat.JsonSchema => ChatResponseFormat.CreateJsonSchemaFormat(schemaName, loose, jsonSchemaIsStrict: false),
                ReplyFormat.JsonObject => ChatResponseFormat.CreateJsonObjectFormat(),
                _ => null,
            },
        };
        if (dialect.ReasoningEffort is { } effort)
        {
            completionOptions.ReasoningEffortLevel = new ChatReasoningEffortLevel(effort);
        }

        return completionOptions;
    }

    /// <summary>
    /// The prompt's user text, followed by the page's text-layer facts when the set is grounded and there are any, and by
    /// the similar past parts when the set has a history section and there are any.
    /// </summary>
    public static string UserText(PromptSet prompt, PageFacts? facts, IReadOnlyList<HistoryExample>? examples = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var text = prompt.Grounded && GroundingSection.Render(facts) is { } section ? $"{prompt.UserText}\n\n{section}" : prompt.UserText;
        return prompt.HistoryExamples > 0 && HistoryExamplesSection.Render(examples) is { } history ? $"{text}\n\n{history}" : text;
    }

    private static ChatMessage[] Messages(PromptSet prompt, ModelImage image, string detail, PageFacts? facts, IReadOnlyList<HistoryExample>? examples)
    {
        var parts = new List<ChatMessageContentPart>
        {
            ChatMessageContentPart.CreateImagePart(image.Png, "image/png", new ChatImageDetailLevel(detail)),
            ChatMessageContentPart.CreateTextPart(UserText(prompt, facts, examples)),
        };
        if (prompt.HistoryImages && prompt.HistoryExamples > 0)
        {
            // The past parts' sheets follow the text that numbers them, at low detail: they show the kind of part, not dimensions to read.
            parts.AddRange((examples ?? []).Where(e => e.Image is not null).Select(e => ChatMessageContentPart.CreateImagePart(e.Image!, "image/png", ChatImageDetailLevel.Low)));
        }

        return [new SystemChatMessage(prompt.SystemText), new UserChatMessage(parts)];
    }
}
