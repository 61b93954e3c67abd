using System.Text.Json;
using System.Text.Json.Serialization;

namespace TimeVision.Cli;

/// <summary>Writes a command's single JSON result to stdout and its human messages to stderr.</summary>
internal static class CliOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteResult<T>(TextWriter stdout, T result) =>
        stdout.WriteLine(JsonSerializer.Serialize(result, Json));

    /// <summary>The error contract: <c>{"error":{"code":…,"message":…}}</c> on stdout, the message on stderr.</summary>
    public static int WriteError(TextWriter stdout, TextWriter stderr, string code, string message, int exitCode)
    {
        WriteResult(stdout, new { error = new { code, message } });
        stderr.WriteLine($"error: {message}");
        return exitCode;
    }

    /// <summary>The error contract for a model that cannot be reached (<see cref="TimeVision.Core.Estimating.Vision.ModelAccess"/>), exit 2.</summary>
    public static int WriteError(TextWriter stdout, TextWriter stderr, TimeVision.Core.Estimating.Vision.ModelAccessError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return WriteError(stdout, stderr, error.Code, error.Message, ExitCodes.BadInput);
    }

    /// <summary>The error contract for a rendering error, with its stable code.</summary>
    public static int WriteError(TextWriter stdout, TextWriter stderr, TimeVision.Core.Estimating.Rendering.RenderErrorCode code, string message, int exitCode)
    {
        WriteResult(stdout, new { error = new TimeVision.Core.Estimating.Rendering.RenderError(code, message) });
        stderr.WriteLine($"error: {message}");
        return exitCode;
    }
}
