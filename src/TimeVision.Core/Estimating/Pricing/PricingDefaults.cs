using System.Reflection;
using System.Text.Json;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// The shipped rates: the coefficients and material prices of the embedded <c>pricing-defaults.json</c> (the shop's
/// own, each with its source), with the work centres the planner has (<c>work-centres.json</c>, with a data folder's
/// override), which carry the hourly rates.
/// </summary>
public static class PricingDefaults
{
    private const string ResourceName = "TimeVision.Core.Estimating.Pricing.pricing-defaults.json";

    private static readonly Lazy<DefaultsFile> File = new(Load);

    /// <summary>The version of the shipped coefficients and material prices.</summary>
    public static string Version => File.Value.Version;

    /// <summary>The shipped coefficients.</summary>
    public static PricingCoefficients Coefficients => File.Value.Coefficients;

    /// <summary>The shipped material prices.</summary>
    public static IReadOnlyList<MaterialRate> Materials => File.Value.Materials;

    /// <summary>The default rates with <paramref name="centres"/>, versioned <c>defaults/&lt;pricing&gt;/&lt;work centres&gt;</c>.</summary>
    /// <param name="centres">The planner's work centres.</param>
    public static ShopRates With(WorkCentreList centres)
    {
        ArgumentNullException.ThrowIfNull(centres);
        return new ShopRates
        {
            Version = $"defaults/{Version}/{centres.Version}",
            Currency = File.Value.Currency,
            WorkCentres = centres.WorkCentres,
            Coefficients = Coefficients,
            Materials = Materials,
        };
    }

    private static DefaultsFile Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return JsonSerializer.Deserialize<DefaultsFile>(stream, PlanningJson.Options)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
    }

    private sealed record DefaultsFile(
        string Version,
        IReadOnlyDictionary<string, string> Sources,
        string Currency,
        PricingCoefficients Coefficients,
        IReadOnlyList<MaterialRate> Materials);
}
