using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using TimeVision.Core.Estimates;
using TimeVision.Core.Vision.Prompts;

namespace TimeVision.Core.Vision;

/// <summary>
/// Estimates a page through the official OpenAI SDK against any OpenAI-compatible endpoint. Transient HTTP failures
/// are retried inside the SDK (<see cref="BoundedRetryPolicy"/>); on top of that, a refusal gets one more try with
/// <c>detail: auto</c> and an invalid reply one more try, before the page is blocked or failed.
/// </summary>
public sealed class OpenAIVisionEstimator : IVisionEstimator
{
    private const string SchemaName = "page_estimate";

    private readonly ChatClients _clients;
    private readonly Models.ActiveModel _activeModel;
    private readonly PromptCatalog _prompts;
    private readonly IOptionsMonitor<VisionOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenAIVisionEstimator> _logger;

    /// <summary>Creates the estimator.</summary>
    /// <param name="clients">One chat client per model.</param>
    /// <param name="activeModel">The model to use when a call names none.</param>
    /// <param name="prompts">The prompt sets.</param>
    /// <param name="options">Model, image and reply settings.</param>
    /// <param name="time">The clock for latency.</param>
    /// <param name="logger">Logs each page's outcome, never its content.</param>
    public OpenAIVisionEstimator(
        ChatClients clients,
        Models.ActiveModel activeModel,
        PromptCatalog prompts,
        IOptionsMonitor<VisionOptions> options,
        TimeProvider time,
        ILogger<OpenAIVisionEstimator> logger)
    {
        _clients = clients;
        _activeModel = activeModel;
        _prompts = prompts;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<PageEstimateResult> EstimatePageAsync(BinaryData pagePng, string? model, Facts.PageFacts? facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pagePng);
        var options = _options.CurrentValue;
        var modelId = string.IsNullOrWhiteSpace(model) ? (await _activeModel.ResolveAsync(cancellationToken)).Model : model;
        var (maxImageLongSidePx, detail, structuredOutputs) = options.For(modelId);
        var prompt = _prompts.ForModel(modelId);
        var client = _clients.For(modelId);
        var image = await ModelImage.FromPageAsync(pagePng, maxImageLongSidePx, cancellationToken);
        var completionOptions = CompletionOptions(options, structuredOutputs);

        var started = _time.GetTimestamp();
        var tries = TryCounter.Begin();
        var tally = new Tally();
        var warnings = new List<EstimateWarning>();
        var refused = false;
        var invalidReplies = 0;

        PageEstimateResult Result(PageEstimateStatus status) => new()
        {
            Status = status,
            Model = modelId,
            Provider = ModelIds.ProviderTag(modelId),
            PromptId = prompt.Id,
            PromptVersion = prompt.Version,
            PromptHash = prompt.Hash,
            Detail = detail,
            Attempts = tries.Count,
            InputTokens = tally.InputTokens,
            OutputTokens = tally.OutputTokens,
            LatencyMs = (long)_time.GetElapsedTime(started).TotalMilliseconds,
            ImageBytesSent = image.Png.ToMemory().Length * (long)tries.Count,
            ImageWidthPx = image.WidthPx,
            ImageHeightPx = image.HeightPx,
            Warnings = warnings,
        };

        while (true)
        {
            ChatCompletion completion;
            try
            {
                completion = (await client.CompleteChatAsync(Messages(prompt, image, detail, facts), completionOptions, cancellationToken)).Value;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && ApiFailure.Classify(exception) is { } error)
            {
                Log.PageFailed(_logger, modelId, error.Code, tries.Count);
                return Result(PageEstimateStatus.Failed) with { Error = error };
            }

            tally.Add(completion.Usage);
            var text = completion.Content.Count > 0 ? string.Concat(completion.Content.Select(part => part.Text)) : null;
            var refusal = !string.IsNullOrWhiteSpace(completion.Refusal) ? completion.Refusal
                : ReplyText.LooksLikeRefusal(text) ? text
                : null;

            if (refusal is not null)
            {
                if (!refused)
                {
                    refused = true;
                    detail = "auto";
                    warnings.Add(new EstimateWarning(EstimateWarning.RetriedAfterRefusal, "The model refused the page; it was sent again with detail: auto."));
                    continue;
                }

                Log.PageBlocked(_logger, modelId, tries.Count);
                return Result(PageEstimateStatus.Blocked) with
                {
                    Refusal = refusal,
                    Error = new VisionError(VisionErrorCode.Refused, "The model refused to estimate this page, twice."),
                };
            }

            var read = EstimateReader.Read(text);
            if (read.Estimate is null)
            {
                if (++invalidReplies == 1)
                {
                    warnings.Add(new EstimateWarning(EstimateWarning.RetriedAfterInvalidReply, $"The first reply was not a valid estimate ({read.Error}); the page was sent again."));
                    continue;
                }

                Log.PageFailed(_logger, modelId, VisionErrorCode.InvalidReply, tries.Count);
                return Result(PageEstimateStatus.Failed) with
                {
                    Error = new VisionError(VisionErrorCode.InvalidReply, read.Error ?? "The reply is not a valid estimate."),
                    RawReply = text ?? string.Empty,
                };
            }

            warnings.AddRange(read.Warnings);
            warnings.AddRange(Facts.AnswerChecks.Check(read.Estimate, facts));
            Log.PageEstimated(_logger, modelId, read.Estimate.EstimatedTimeMin, tries.Count);
            return Result(PageEstimateStatus.Completed) with { Estimate = read.Estimate };
        }
    }

    private static ChatCompletionOptions CompletionOptions(VisionOptions options, bool structuredOutputs)
    {
        var completionOptions = new ChatCompletionOptions
        {
            Temperature = 0,
            MaxOutputTokenCount = options.MaxOutputTokens,
        };
        if (structuredOutputs)
        {
            completionOptions.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                SchemaName, EstimateJson.StructuredOutputSchema, jsonSchemaIsStrict: true);
        }

        return completionOptions;
    }

    /// <summary>The prompt's user text, followed by the page's text-layer facts when the set is grounded and there are any.</summary>
    public static string UserText(PromptSet prompt, Facts.PageFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.Grounded && Facts.GroundingSection.Render(facts) is { } section ? $"{prompt.UserText}\n\n{section}" : prompt.UserText;
    }

    private static ChatMessage[] Messages(PromptSet prompt, ModelImage image, string detail, Facts.PageFacts? facts) =>
    [
        new SystemChatMessage(prompt.SystemText),
        new UserChatMessage(
            ChatMessageContentPart.CreateImagePart(image.Png, "image/png", new ChatImageDetailLevel(detail)),
            ChatMessageContentPart.CreateTextPart(UserText(prompt, facts))),
    ];

    /// <summary>Tokens over every call for one page.</summary>
    private sealed class Tally
    {
        public long InputTokens { get; private set; }

        public long OutputTokens { get; private set; }

        public void Add(ChatTokenUsage? usage)
        {
            InputTokens += usage?.InputTokenCount ?? 0;
            OutputTokens += usage?.OutputTokenCount ?? 0;
        }
    }
}
