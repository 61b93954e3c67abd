using System.Text.Json.Nodes;

namespace TimeVision.Testing.FakeOpenAI;

/// <summary>A chat completion request as the fake server received and checked it.</summary>
/// <param name="Model">The <c>model</c> field.</param>
/// <param name="SystemText">The system message's text.</param>
/// <param name="UserText">The user message's text part.</param>
/// <param name="Detail">The (first) image part's <c>detail</c>.</param>
/// <param name="ImageWidth">The (first) decoded image's width.</param>
/// <param name="ImageHeight">The (first) decoded image's height.</param>
/// <param name="ImageBytes">The (first) PNG's size.</param>
/// <param name="StructuredOutputs">Whether <c>response_format</c> asked for a strict JSON schema.</param>
/// <param name="Body">The whole request body.</param>
public sealed record RecordedRequest(
    string Model,
    string SystemText,
    string UserText,
    string Detail,
    int ImageWidth,
    int ImageHeight,
    int ImageBytes,
    bool StructuredOutputs,
    JsonObject Body)
{
    /// <summary>How many images the user message holds (the size fields are the first one's).</summary>
    public int Images { get; init; } = 1;
}
