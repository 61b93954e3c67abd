using System.Globalization;
using System.Text;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// The short section a grounded prompt adds after its user text: what the page's text layer says exactly, so the
/// model does not have to squint at 9-pixel lettering. Written in the prompts' language (Czech).
/// </summary>
public static class GroundingSection
{
    /// <summary>The section's version; part of a grounded prompt's hash.</summary>
    public const string Version = "grounding-v1";

    /// <summary>The heading the section starts with.</summary>
    public const string Heading = "## Údaje přečtené z textové vrstvy výkresu (přesné)";

    private const int MaxListed = 12;

    /// <summary>The section for a page, or <see langword="null"/> when the page has nothing to say.</summary>
    public static string? Render(PageFacts? facts)
    {
        if (facts is not { HasText: true })
        {
            return null;
        }

        var lines = new List<string>();
        var title = facts.TitleBlock;
        Add(lines, "materiál", title.Material?.Value);
        Add(lines, "jednotky výkresu", title.Units?.Value);
        Add(lines, "číslo výkresu", title.DrawingNumber?.Value);
        Add(lines, "název dílu", title.PartName?.Value);
        Add(lines, "obecné tolerance", title.GeneralTolerance?.Value);
        Add(lines, "průměry", List(facts.Features.Diameters.Select(d => d.Value)));
        Add(lines, "počty", List(facts.Features.Counts.Select(c => c.Value)));
        Add(lines, "závity", List(facts.Features.Threads.Select(t => t.Value)));
        Add(lines, "uložení a tolerance", List(facts.Features.Fits.Select(f => f.Value)));
        Add(lines, "drsnost", List(facts.Features.Roughness.Select(r => r.Value)));
        if (lines.Count == 0)
        {
            return null;
        }

        var section = new StringBuilder(Heading).Append('\n');
        foreach (var line in lines)
        {
            section.Append("- ").Append(line).Append('\n');
        }

        return section.ToString().TrimEnd();
    }

    private static void Add(List<string> lines, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {value}"));
        }
    }

    private static string? List(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null
            : string.Join(", ", distinct.Take(MaxListed)) + (distinct.Count > MaxListed ? $", … (+{distinct.Count - MaxListed})" : string.Empty);
    }
}
