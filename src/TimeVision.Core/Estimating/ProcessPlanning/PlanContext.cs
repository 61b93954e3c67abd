using System.Globalization;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>Which cutting values of a group an operation uses.</summary>
internal enum CuttingOperation
{
    Turning,
    Boring,
    Drilling,
    Reaming,
    Tapping,
    ThreadTurning,
    Grooving,
    Parting,
    Milling,
    Sawing,
}

/// <summary>One plan's inputs and the defaults it takes, in the order taken: the material group's data, the stock, the tables.</summary>
internal sealed class PlanContext
{
    private const string DefaultGroup = "steel";
    private readonly List<string> _defaultsUsed = [];
    private readonly Dictionary<string, MaterialCutting> _groups;

    public PlanContext(FeatureSet features, CuttingDataTable cutting)
    {
        Features = features;
        Cutting = cutting;
        _groups = cutting.Groups.ToDictionary(g => g.Group, StringComparer.Ordinal);
        Group = ResolveGroup(features);
    }

    public FeatureSet Features { get; }

    public CuttingDataTable Cutting { get; }

    public Stock Stock => Features.Stock ?? new Stock();

    public MaterialCutting Group { get; }

    public ToolRules Tools => Cutting.Tools;

    public FeatureDefaults Defaults => Cutting.Defaults;

    public IReadOnlyList<string> DefaultsUsed => _defaultsUsed;

    /// <summary>Records a default taken for <paramref name="where"/>.</summary>
    public double Take(string where, string field, double value, string why)
    {
        _defaultsUsed.Add(DefaultReasons.Line(where, field, value.ToString("0.###", CultureInfo.InvariantCulture), why));
        return value;
    }

    /// <summary>The feature's own value, else the stock's (recorded), else <paramref name="fallback"/> (recorded).</summary>
    public double Pick(string where, string field, double? own, double? stock, string stockWhy, double fallback, string fallbackWhy) =>
        own ?? (stock is { } fromStock ? Take(where, field, fromStock, stockWhy) : Take(where, field, fallback, fallbackWhy));

    /// <summary>Records a note that is not a number (a part type, a centre chosen for want of a fitting one).</summary>
    public void Note(string text) => _defaultsUsed.Add(text);

    /// <summary>The feature's own value, else the group's (or its fallback group's) table value, recorded as a default.</summary>
    public double Cut(string featureId, double? own, CuttingOperation operation, Func<OperationCutting, double?> field, string fieldName)
    {
        if (own is { } given)
        {
            return given;
        }

        var (value, from, fallbackOf) = Lookup(Group, operation, field);
        if (value is null)
        {
            throw new InvalidOperationException($"The cutting data has no {fieldName} for {JsonName(operation)} in '{Group.Group}' or its fallback groups.");
        }

        return Take(featureId, $"cutting.{fieldName}", value.Value, DefaultReasons.CuttingData(from, fallbackOf, JsonName(operation)));
    }

    /// <summary>The spindle speed: the feature's rpm, else n = 1000·Vc/(π·D).</summary>
    public double Rpm(MachiningFeature f, string id, CuttingOperation operation, double diameter, Dictionary<string, double> inputs)
    {
        if (f.Cutting?.Rpm is { } rpm)
        {
            inputs["n"] = rpm;
            return rpm;
        }

        var vc = Cut(id, f.Cutting?.VcMPerMin, operation, c => c.VcMPerMin, "vcMPerMin");
        inputs["vc"] = vc;
        inputs["n"] = 1000 * vc / (Math.PI * diameter);
        return inputs["n"];
    }

    private (double? Value, string From, string? FallbackOf) Lookup(MaterialCutting group, CuttingOperation operation, Func<OperationCutting, double?> field)
    {
        for (var current = group; ;)
        {
            if (Of(current.Operations, operation) is { } row && field(row) is { } value)
            {
                return (value, current.Group, current.Group == group.Group ? null : group.Group);
            }

            // A group a shop adds without a fallback of its own falls back on structural steel, as the shop's system does, but says so.
            var next = current.FallbackGroup ?? (current.Group == DefaultGroup ? null : DefaultGroup);
            if (next is null || !_groups.TryGetValue(next, out var fallback) || fallback == group)
            {
                return (null, current.Group, null);
            }

            current = fallback;
        }
    }

    private MaterialCutting ResolveGroup(FeatureSet features)
    {
        if (features.MaterialGroup is { } named && _groups.TryGetValue(named, out var given))
        {
            return given;
        }

        if (MaterialCatalog.GroupOf(features.Material) is { } fromText && _groups.TryGetValue(fromText, out var read))
        {
            Note(DefaultReasons.Line("part", "materialGroup", fromText, DefaultReasons.ReadFromMaterial(features.Material)));
            return read;
        }

        var why = features.MaterialGroup is { } unknown ? DefaultReasons.NoCuttingData(unknown) : DefaultReasons.NoMaterialGroup;
        Note(DefaultReasons.Line("part", "materialGroup", DefaultGroup, why));
        return _groups.TryGetValue(DefaultGroup, out var steel) ? steel : throw new InvalidOperationException($"The cutting data has no '{DefaultGroup}' group.");
    }

    private static OperationCutting? Of(OperationCuttingSet set, CuttingOperation operation) => operation switch
    {
        CuttingOperation.Turning => set.Turning,
        CuttingOperation.Boring => set.Boring,
        CuttingOperation.Drilling => set.Drilling,
        CuttingOperation.Reaming => set.Reaming,
        CuttingOperation.Tapping => set.Tapping,
        CuttingOperation.ThreadTurning => set.ThreadTurning,
        CuttingOperation.Grooving => set.Grooving,
        CuttingOperation.Parting => set.Parting,
        CuttingOperation.Milling => set.Milling,
        _ => set.Sawing,
    };

    private static string JsonName(CuttingOperation operation) => operation switch
    {
        CuttingOperation.ThreadTurning => "threadTurning",
        _ => operation.ToString().ToLowerInvariant(),
    };
}
