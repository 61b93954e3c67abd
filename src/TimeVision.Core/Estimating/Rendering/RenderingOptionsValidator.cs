using Microsoft.Extensions.Options;

namespace TimeVision.Core.Estimating.Rendering;

/// <summary>Cross-field rules for <see cref="RenderingOptions"/> that data annotations cannot express.</summary>
internal sealed class RenderingOptionsValidator : IValidateOptions<RenderingOptions>
{
    public ValidateOptionsResult Validate(string? name, RenderingOptions options)
    {
        if (options.MinDpi > options.Dpi)
        {
            return ValidateOptionsResult.Fail(
                $"Rendering:MinDpi ({options.MinDpi}) must not exceed Rendering:Dpi ({options.Dpi}).");
        }

        return ValidateOptionsResult.Success;
    }
}
