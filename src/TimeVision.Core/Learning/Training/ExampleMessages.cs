using System.Text.Json;

namespace TimeVision.Core.Learning.Training;

/// <summary>The chat message both formats write the same way: a role and plain text content.</summary>
internal static class ExampleMessages
{
    /// <summary>Writes <c>{"role":…,"content":…}</c>.</summary>
    public static void WriteText(Utf8JsonWriter line, string role, string content)
    {
        line.WriteStartObject();
        line.WriteString("role", role);
        line.WriteString("content", content);
        line.WriteEndObject();
    }
}
