using System.Globalization;
using System.Text;

namespace TimeVision.Core.Estimating.Vision.Prompts;

/// <summary>
/// The prompt's history section: the similar past parts a prompt set asks for (<see cref="VisionOptions.HistoryExamples"/>),
/// with their features and real times, worded for the model.
/// </summary>
public static class HistoryExamplesSection
{
    /// <summary>Changes whenever the section's wording changes; part of the prompt hash.</summary>
    public const string Version = "history-examples-1";

    /// <summary>The section in the prompt's language, or <see langword="null"/> for no examples.</summary>
    public static string? Render(IReadOnlyList<HistoryExample>? examples)
    {
        if (examples is not { Count: > 0 })
        {
            return null;
        }

        var text = new StringBuilder("Podobné díly z historie dílny se skutečně naměřenými časy (vřetenový čas na kus); odhad opři i o ně:\n");
        foreach (var (example, index) in examples.Select((e, i) => (e, i + 1)))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{index}. {example.DrawingNumber ?? "bez čísla"}{(example.PartName is null ? string.Empty : $" ({example.PartName})")}: {example.Features.Summary}; skutečný čas {example.ActualMinutes:0.##} min{(example.Image is null ? string.Empty : "; výkres přiložen")}\n");
        }

        return text.ToString().TrimEnd();
    }
}
