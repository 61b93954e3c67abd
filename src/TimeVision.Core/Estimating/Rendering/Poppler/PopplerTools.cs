using Microsoft.Extensions.Options;

namespace TimeVision.Core.Estimating.Rendering.Poppler;

/// <summary>Finds Poppler's command-line tools, from configuration or on <c>PATH</c>.</summary>
/// <param name="options">Rendering options; <see cref="RenderingOptions.PopplerDirectory"/> is read on every lookup.</param>
public sealed class PopplerTools(IOptionsMonitor<RenderingOptions> options)
{
    /// <summary>What a person should do when Poppler is missing.</summary>
    public const string InstallHint =
        "Install Poppler: 'sudo apt-get install poppler-utils' (Debian/Ubuntu), 'brew install poppler' (macOS), " +
        "or set Rendering:PopplerDirectory to the folder that holds pdfinfo and pdftocairo.";

    /// <summary>Resolves a Poppler tool, or explains why it cannot be found.</summary>
    /// <param name="toolName">The executable's name, e.g. <c>pdftocairo</c>.</param>
    public RenderResult<string> Resolve(string toolName)
    {
        var configured = options.CurrentValue.PopplerDirectory;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.Combine(configured, toolName);
            return File.Exists(path)
                ? RenderResult<string>.Success(path)
                : RenderResult<string>.Failure(
                    RenderErrorCode.RendererMissing,
                    $"Poppler's {toolName} is not in '{configured}' (Rendering:PopplerDirectory). {InstallHint}");
        }

        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, toolName);
            if (File.Exists(candidate))
            {
                return RenderResult<string>.Success(candidate);
            }
        }

        return RenderResult<string>.Failure(
            RenderErrorCode.RendererMissing, $"Poppler's {toolName} was not found on PATH. {InstallHint}");
    }
}
