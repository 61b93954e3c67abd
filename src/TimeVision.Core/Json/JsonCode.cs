using System.Text.Json;

namespace TimeVision.Core.Json;

/// <summary>The one way an enum value becomes its stable code: the name its JSON converter writes (<c>not_pdf</c>, <c>actual</c>, …).</summary>
public static class JsonCode
{
    /// <summary>The code of <paramref name="value"/>, as it appears in TimeVision's JSON.</summary>
    /// <typeparam name="T">An enum with a string converter.</typeparam>
    public static string Of<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');
}
