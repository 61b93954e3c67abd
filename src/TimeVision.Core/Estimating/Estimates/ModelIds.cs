namespace TimeVision.Core.Estimating.Estimates;

/// <summary>What a model id says about the model.</summary>
public static class ModelIds
{
    /// <summary>The provider tag of OpenAI-compatible base models.</summary>
    public const string OpenAIProvider = "openai";

    /// <summary>The provider tag of fine-tuned OpenAI models.</summary>
    public const string FineTunedProvider = "openai_ft";

    /// <summary>The model estimates use when nothing chose one, and the base fine-tunes start from unless told.</summary>
    public const string Default = "gpt-4o-2024-08-06";

    /// <summary>The model id and provider tag of the estimate computed from the drawing's text layer, with no model.</summary>
    public const string Offline = "offline";

    /// <summary>The model id and provider tag of the estimate from the shop's history: similar past parts' real times, with no model.</summary>
    public const string History = "history";

    /// <summary>
    /// The model id of the process-time engine's minutes per piece, planned from the part's features with no model
    /// (<c>src/docs/process-plan.md</c>); <c>calibrated:engine</c> is the same with the shop's factors per operation.
    /// </summary>
    public const string Engine = "engine";

    /// <summary>The longest model id taken (provider ids and Azure deployment names are far shorter).</summary>
    public const int MaxLength = 200;

    /// <summary>The error code for a model id that breaks <see cref="Problem"/>'s rule, the same in every host.</summary>
    public const string InvalidCode = "invalid_model_id";

    /// <summary>
    /// What is wrong with a model id given by a person or a request, or <see langword="null"/> when it can be one:
    /// 1–<see cref="MaxLength"/> characters of ASCII letters, digits, <c>.</c>, <c>_</c>, <c>:</c> and <c>-</c>
    /// (<c>gpt-4.1</c>, <c>ft:gpt-4o-2024-08-06:shop::abc123</c>, an Azure deployment name). Every host asks this before
    /// a model id is checked, activated, configured or sent to the provider; the text itself is never repeated back.
    /// </summary>
    /// <param name="modelId">The model id, already trimmed.</param>
    public static string? Problem(string? modelId) => modelId switch
    {
        null or "" => "A model id is required, e.g. gpt-4.1.",
        { Length: > MaxLength } => $"A model id is at most {MaxLength} characters.",
        _ when !modelId.All(IsModelIdCharacter) => "A model id has only letters, digits, '.', '_', ':' and '-' (no spaces, slashes or line breaks).",
        _ => null,
    };

    /// <summary>Whether the id names an estimator that runs here with no model and no key (<see cref="Offline"/>, <see cref="History"/>).</summary>
    /// <param name="modelId">The model id.</param>
    public static bool IsLocal(string? modelId) => modelId?.Trim() is Offline or History;

    /// <summary>Whether the id names a fine-tuned model (<c>ft:gpt-4o-2024-08-06:org::id</c>).</summary>
    /// <param name="modelId">The model id.</param>
    public static bool IsFineTuned(string modelId) => modelId.StartsWith("ft:", StringComparison.Ordinal);

    /// <summary>The provider tag recorded with every result: <c>openai_ft</c> for fine-tuned models, <c>offline</c>, <c>history</c> and <c>engine</c> for the estimators with no model, else <c>openai</c>.</summary>
    /// <param name="modelId">The model id.</param>
    public static string ProviderTag(string modelId) =>
        IsLocal(modelId) || modelId == Engine ? modelId : IsFineTuned(modelId) ? FineTunedProvider : OpenAIProvider;

    private static bool IsModelIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';
}
