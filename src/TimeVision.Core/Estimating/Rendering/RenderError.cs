using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Rendering;

/// <summary>An expected rendering failure: a stable code and a message a person can act on.</summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">What went wrong and, where possible, what to do about it.</param>
public sealed record RenderError(RenderErrorCode Code, string Message)
{
    /// <summary>
    /// How many runs in a row ended with this error on the page, when more than one: a retry of a page stopped for time
    /// that is stopped again counts 2, and is then final (<see cref="RetryableFailures"/>). Absent on a first run.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Runs { get; init; }

    /// <summary>
    /// The values <see cref="Message"/> names (<see cref="Json.MessageParams"/>), so a page words the error in its own
    /// language from <see cref="Code"/> and these; absent when the message names none a person needs.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Params { get; init; }
}
