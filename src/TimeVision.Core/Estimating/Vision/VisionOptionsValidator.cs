using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// The rules of <see cref="VisionOptions"/> that attributes cannot state: temperatures, model ids split at their
/// colons, and no forcing of the features task's <c>reading</c> set on estimates.
/// </summary>
public sealed class VisionOptionsValidator : IValidateOptions<VisionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckTemperature("Vision:Temperature", options.Temperature, failures);
        if (!string.IsNullOrWhiteSpace(options.Model) && ModelIds.Problem(options.Model.Trim()) is { } problem)
        {
            failures.Add($"Vision:Model: {problem}");
        }

        if (string.Equals(options.PromptSet?.Trim(), Prompts.PromptCatalog.ReadingSetId, StringComparison.Ordinal))
        {
            failures.Add($"Vision:PromptSet: '{Prompts.PromptCatalog.ReadingSetId}' asks for the part's features alone, for the features task; estimates are served with base or ft.");
        }

        foreach (var (key, settings) in options.Models)
        {
            CheckTemperature($"Vision:Models:{key}:Temperature", settings.Temperature, failures);
            if (key == "ft" && string.IsNullOrEmpty(settings.Id))
            {
                failures.Add("Vision:Models:ft looks like a fine-tuned model id split at its colons: give the id as Vision:Models:<name>:Id.");
            }

            foreach (var result in new[] { settings }.SelectMany(s => Validation(s)))
            {
                failures.Add($"Vision:Models:{key}: {result}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Validation(VisionModelSettings settings)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(settings, new(settings), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "invalid");
    }

    private static void CheckTemperature(string setting, string? value, List<string> failures)
    {
        try
        {
            ModelCallSettings.ParseTemperature(value);
        }
        catch (FormatException exception)
        {
            failures.Add($"{setting}: {exception.Message}");
        }
    }
}
