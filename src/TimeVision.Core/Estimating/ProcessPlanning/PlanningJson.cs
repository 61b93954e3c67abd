using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>How features, plans, cutting data and work centres are written and read: camelCase, enums as their codes, absent values left out.</summary>
public static class PlanningJson
{
    /// <summary>The options for writing and reading (unknown properties are an error, so a typo in a file is reported, not ignored).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Why an input file was rejected: a stable code and a message naming the file, line and field.</summary>
/// <param name="Code"><c>file_not_found</c>, <c>invalid_json</c> or <c>invalid_value</c>.</param>
/// <param name="Message">What is wrong and where.</param>
public sealed record InputFileError(string Code, string Message);

/// <summary>A value read from a file, or why it could not be.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed record InputFileResult<T>
    where T : class
{
    /// <summary>The value, when it was read.</summary>
    public T? Value { get; private init; }

    /// <summary>Why not, when it was not.</summary>
    public InputFileError? Error { get; private init; }

    /// <summary>A value was read.</summary>
    public static InputFileResult<T> Success(T value) => new() { Value = value };

    /// <summary>The file was rejected.</summary>
    public static InputFileResult<T> Failure(string code, string message) => new() { Error = new InputFileError(code, message) };
}

/// <summary>Reads one JSON input file into its contract, turning every fault into an <see cref="InputFileError"/> with the line and field.</summary>
public static class JsonInputFile
{
    /// <summary>Reads and checks <paramref name="path"/>; <paramref name="check"/> returns the first invalid field's message, or null.</summary>
    /// <typeparam name="T">The file's contract.</typeparam>
    public static async Task<InputFileResult<T>> ReadAsync<T>(string path, Func<T, string?> check, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!File.Exists(path))
        {
            return InputFileResult<T>.Failure("file_not_found", $"'{path}' does not exist.");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, Path.GetFileName(path), check);
    }

    /// <summary>Parses and checks <paramref name="json"/>, naming it <paramref name="name"/> in messages.</summary>
    /// <typeparam name="T">The contract.</typeparam>
    public static InputFileResult<T> Parse<T>(string json, string name, Func<T, string?> check)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(check);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json, PlanningJson.Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } number ? $" line {number + 1}" : string.Empty;
            var field = string.IsNullOrEmpty(e.Path) ? string.Empty : $", field {e.Path}";
            return InputFileResult<T>.Failure("invalid_json", $"{name}{line}{field}: {Reason(e)}");
        }

        if (value is null)
        {
            return InputFileResult<T>.Failure("invalid_json", $"{name}: the file holds null, not an object.");
        }

        return check(value) is { } problem
            ? InputFileResult<T>.Failure("invalid_value", $"{name}: {problem}")
            : InputFileResult<T>.Success(value);
    }

    // The serializer's own message repeats the path and line and suggests .NET settings; say only what a person can fix.
    private static string Reason(JsonException e) => e.InnerException is FormatException or InvalidOperationException
        ? "a value has the wrong type or is not one of the allowed codes."
        : e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown property."
        : e.Message.Contains("missing required properties", StringComparison.Ordinal) ? $"a required property is missing ({Required(e.Message)})."
        : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "a value has the wrong type or is not one of the allowed codes."
        : "not valid JSON.";

    private static string Required(string message) =>
        message[(message.LastIndexOf(':') + 1)..].Trim().TrimEnd('.').Replace("'", string.Empty, StringComparison.Ordinal);
}
