using System.Text.Json;
using TimeVision.Core.Estimating.Vision.Prompts;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// OpenAI chat fine-tuning for vision: <c>{"messages":[system, user, assistant]}</c>, the user message carrying each
/// sheet as a PNG data URL with the served <c>detail</c>, then the user text. Nothing is written beside the lines.
/// </summary>
/// <param name="prompt">The prompt set the fine-tuned model will be served with.</param>
/// <param name="detail">The image detail the estimator asks for.</param>
internal sealed class OpenAIExampleWriter(PromptSet prompt, string detail) : IExampleWriter
{
    /// <inheritdoc />
    public bool WritesFilesBesideLines => false;

    /// <inheritdoc />
    public Task WriteAsync(Utf8JsonWriter line, TrainingExample example, CancellationToken cancellationToken)
    {
        line.WriteStartObject();
        line.WriteStartArray("messages");
        ExampleMessages.WriteText(line, "system", prompt.SystemText);
        line.WriteStartObject();
        line.WriteString("role", "user");
        line.WriteStartArray("content");
        foreach (var image in example.Images)
        {
            line.WriteStartObject();
            line.WriteString("type", "image_url");
            line.WriteStartObject("image_url");
            line.WriteString("url", "data:image/png;base64," + Convert.ToBase64String(image.Image.Png.ToMemory().Span));
            line.WriteString("detail", detail);
            line.WriteEndObject();
            line.WriteEndObject();
        }

        line.WriteStartObject();
        line.WriteString("type", "text");
        line.WriteString("text", prompt.UserText);
        line.WriteEndObject();
        line.WriteEndArray();
        line.WriteEndObject();
        ExampleMessages.WriteText(line, "assistant", example.Answer);
        line.WriteEndArray();
        line.WriteEndObject();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ExportImages?> CompleteAsync(ExportFile train, ExportFile validation, CancellationToken cancellationToken) =>
        Task.FromResult<ExportImages?>(null);
}
