using System.Text.Json;
using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>Writes a <see cref="ModelId"/> as its text and reads it back through <see cref="ModelId.Parse"/>.</summary>
public sealed class ModelIdJsonConverter : JsonConverter<ModelId>
{
    /// <inheritdoc />
    public override ModelId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A model id is a JSON string, not {reader.TokenType}.");
        }

        return ModelId.TryParse(reader.GetString(), out var id, out var problem) ? id : throw new JsonException(problem);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ModelId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Value);
    }
}
