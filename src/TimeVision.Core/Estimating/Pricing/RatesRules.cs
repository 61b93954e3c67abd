using System.Globalization;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// What a rates document must hold beyond its JSON shape, each broken rule named by its field: a currency code, work
/// centres with unique ids and no negative value, coefficients in their ranges, and for every material group a
/// density above 0 and price tiers from 0 kg, so every batch weight has a price.
/// </summary>
public static class RatesRules
{
    /// <summary>The first broken rule, naming the field as a JSON path; <see langword="null"/> when the rates are valid.</summary>
    /// <param name="rates">The rates as read.</param>
    public static string? Check(ShopRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Currency is null || rates.Currency.Length != 3 || !rates.Currency.All(char.IsAsciiLetterUpper))
        {
            return "field $.currency: must be a three-letter ISO 4217 code such as CZK.";
        }

        return WorkCentres(rates.WorkCentres) ?? Coefficients(rates.Coefficients) ?? Materials(rates.Materials);
    }

    private static string? WorkCentres(IReadOnlyList<WorkCentre>? centres)
    {
        if (centres is null || centres.Count == 0 || centres.Any(c => c is null))
        {
            return "field $.workCentres: must list the work centres (the planner's too), none of them null.";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < centres.Count; i++)
        {
            var at = Invariant($"$.workCentres[{i}]");
            var centre = centres[i];
            if (string.IsNullOrWhiteSpace(centre.Id) || !ids.Add(centre.Id))
            {
                return $"field {at}.id: must be given and used once.";
            }

            if (FirstBadCentreValue(centre) is { } bad)
            {
                return $"field {at}.{bad}";
            }
        }

        return null;
    }

    private static string? FirstBadCentreValue(WorkCentre c)
    {
        (string Name, double? Value)[] positive = [("maxDiameterMm", c.MaxDiameterMm), ("maxLengthMm", c.MaxLengthMm), ("maxTravelMm", c.MaxTravelMm), ("rapidMPerMin", c.RapidMPerMin), ("axes", c.Axes)];
        (string Name, double? Value)[] atLeastZero =
        [
            ("toolChangeMin", c.ToolChangeMin), ("loadUnloadMin", c.LoadUnloadMin), ("setupBaseMin", c.SetupBaseMin), ("setupPerToolMin", c.SetupPerToolMin),
            ("depreciationPerHour", c.DepreciationPerHour), ("labourPerHour", c.LabourPerHour), ("toolsPerHour", c.ToolsPerHour), ("overheadPerHour", c.OverheadPerHour),
        ];
        return positive.FirstOrDefault(v => v.Value is { } x && !(x > 0 && double.IsFinite(x))).Name is { } p ? $"{p}: must be above 0."
            : atLeastZero.FirstOrDefault(v => v.Value is { } x && !(x >= 0 && double.IsFinite(x))).Name is { } z ? $"{z}: must be at least 0."
            : null;
    }

    private static string? Coefficients(PricingCoefficients? k)
    {
        if (k is null)
        {
            return "field $.coefficients: must be given.";
        }

        (string Name, decimal Value, decimal Min, bool MinIncluded, decimal Max)[] ranges =
        [
            ("overhead", k.Overhead, 0, false, 10), ("margin", k.Margin, 0, false, 10), ("stock", k.Stock, 0, false, 10), ("coop", k.Coop, 0, false, 10),
            ("scrapPercent", k.ScrapPercent, 0, true, 100), ("ke", k.Ke, 0, false, 2), ("ko", k.Ko, 0, true, 2),
        ];
        foreach (var (name, value, min, included, max) in ranges)
        {
            if ((included ? value < min : value <= min) || value > max)
            {
                return Invariant($"field $.coefficients.{name}: must be {(included ? "at least" : "above")} {min} and at most {max} (a factor: 1.2 is 20 %; scrapPercent is in per cent).");
            }
        }

        return null;
    }

    private static string? Materials(IReadOnlyList<MaterialRate>? materials)
    {
        if (materials is null || materials.Any(m => m is null))
        {
            return "field $.materials: must be a list (it may be empty), none of its rows null.";
        }

        var keys = new HashSet<(string, StockShape?)>();
        for (var i = 0; i < materials.Count; i++)
        {
            var at = Invariant($"$.materials[{i}]");
            var m = materials[i];
            if (m.Group is null || !MaterialCatalog.Groups.Contains(m.Group, StringComparer.Ordinal))
            {
                return $"field {at}.group: must be one of {string.Join(", ", MaterialCatalog.Groups)}.";
            }

            if (!keys.Add((m.Group, m.Shape)))
            {
                return $"field {at}: {m.Group}{(m.Shape is { } s ? $" ({s})" : string.Empty)} is listed twice.";
            }

            if (m.DensityKgPerDm3 <= 0)
            {
                return $"field {at}.densityKgPerDm3: must be above 0.";
            }

            if (Tiers(m.PriceTiers, at) is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    private static string? Tiers(IReadOnlyList<PriceTier>? tiers, string at)
    {
        if (tiers is null || tiers.Count == 0 || tiers.Any(t => t is null))
        {
            return $"field {at}.priceTiers: must list at least one tier, none of them null.";
        }

        if (tiers.FirstOrDefault(t => t.MinKg < 0 || t.PricePerKg < 0) is { } negative)
        {
            return Invariant($"field {at}.priceTiers[{tiers.ToList().IndexOf(negative)}]: minKg and pricePerKg must be at least 0.");
        }

        if (tiers.Select(t => t.MinKg).Distinct().Count() != tiers.Count)
        {
            return $"field {at}.priceTiers: two tiers start at the same weight.";
        }

        return tiers.Any(t => t.MinKg == 0) ? null : $"field {at}.priceTiers: one tier must start at 0 kg, so every batch weight has a price.";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
