using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>Reads what a model wrote when it was not held to Structured Outputs.</summary>
public static partial class ReplyText
{
    /// <summary>
    /// The JSON object in a reply: the whole reply, the inside of a <c>```json</c> fence, or the span from the first
    /// <c>{</c> to the last <c>}</c> when prose surrounds it. <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="reply">The reply text.</param>
    public static string? ExtractJson(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }

        var fenced = Fence().Match(reply);
        var text = fenced.Success ? fenced.Groups["body"].Value : reply;
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    /// <summary>
    /// Whether a reply that holds no JSON reads as a refusal ("I'm sorry, I can't help with that"), which some
    /// deployments send as ordinary content instead of the API's <c>refusal</c> field.
    /// </summary>
    /// <param name="reply">The reply text.</param>
    public static bool LooksLikeRefusal(string? reply) =>
        !string.IsNullOrWhiteSpace(reply) && ExtractJson(reply) is null && RefusalSentence().IsMatch(reply);

    [GeneratedRegex(@"```(?:json|JSON)?\s*(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(
        @"\b(I'?m sorry|I am sorry|I apologi[sz]e|I can(?:'|no)t (?:help|assist|comply|provide|process)|I cannot (?:help|assist|comply|provide|process)|I'?m (?:not able|unable) to|I am (?:not able|unable) to)\b|Omlouvám se|Nemohu",
        RegexOptions.IgnoreCase)]
    private static partial Regex RefusalSentence();
}
