using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Offline;

/// <summary>The size classes of the <c>base</c> prompt's reference tables.</summary>
public enum SizeClass
{
    /// <summary>At most three outlines, no holes or threads.</summary>
    Trivial,

    /// <summary>Small (plate up to 100×50×10, pin up to ø30×50, combined up to ø60×30).</summary>
    Small,

    /// <summary>Medium (up to 200×100×30, shaft up to ø80×200, combined up to ø100×80).</summary>
    Medium,

    /// <summary>Large (300 mm and more, ø100+).</summary>
    Large,
}

/// <summary>
/// The <c>base</c> prompt set's reference spindle times for structural steel (minutes), its material multipliers and
/// its per-feature add-ons, as data. A test keeps these numbers equal to the prompt's text. Cells the prompt leaves
/// empty are filled between their neighbours and marked "derived".
/// </summary>
public static class ReferenceTables
{
    /// <summary>The tables' version; part of the offline estimate's hash.</summary>
    public const string Version = "base-1";

    /// <summary>Minutes (min, max) for steel by part type, size and complexity; a trivial part is 0.3–1 whatever its type.</summary>
    public static (double Min, double Max) Range(PartType type, SizeClass size, Complexity complexity) =>
        size == SizeClass.Trivial ? (0.3, 1)
        : Ranges.TryGetValue((type, size, complexity), out var range) ? range
        : throw new ArgumentOutOfRangeException(nameof(type));

    private static readonly Dictionary<(PartType, SizeClass, Complexity), (double Min, double Max)> Ranges = new()
    {
        [(PartType.Pri, SizeClass.Small, Complexity.Simple)] = (1, 3),
        [(PartType.Pri, SizeClass.Small, Complexity.Medium)] = (3, 6),
        [(PartType.Pri, SizeClass.Small, Complexity.Complex)] = (5, 10), // derived
        [(PartType.Pri, SizeClass.Medium, Complexity.Simple)] = (4, 8),
        [(PartType.Pri, SizeClass.Medium, Complexity.Medium)] = (6, 12),
        [(PartType.Pri, SizeClass.Medium, Complexity.Complex)] = (10, 25),
        [(PartType.Pri, SizeClass.Large, Complexity.Simple)] = (8, 15),
        [(PartType.Pri, SizeClass.Large, Complexity.Medium)] = (12, 30),
        [(PartType.Pri, SizeClass.Large, Complexity.Complex)] = (25, 60),
        [(PartType.Rot, SizeClass.Small, Complexity.Simple)] = (1, 3),
        [(PartType.Rot, SizeClass.Small, Complexity.Medium)] = (3, 6),
        [(PartType.Rot, SizeClass.Small, Complexity.Complex)] = (5, 10), // derived
        [(PartType.Rot, SizeClass.Medium, Complexity.Simple)] = (3, 8),
        [(PartType.Rot, SizeClass.Medium, Complexity.Medium)] = (6, 15),
        [(PartType.Rot, SizeClass.Medium, Complexity.Complex)] = (10, 25),
        [(PartType.Rot, SizeClass.Large, Complexity.Simple)] = (10, 20),
        [(PartType.Rot, SizeClass.Large, Complexity.Medium)] = (15, 35),
        [(PartType.Rot, SizeClass.Large, Complexity.Complex)] = (25, 60),
        [(PartType.Combined, SizeClass.Small, Complexity.Simple)] = (2, 4),
        [(PartType.Combined, SizeClass.Small, Complexity.Medium)] = (4, 8),
        [(PartType.Combined, SizeClass.Small, Complexity.Complex)] = (6, 12), // derived
        [(PartType.Combined, SizeClass.Medium, Complexity.Simple)] = (4, 8), // derived
        [(PartType.Combined, SizeClass.Medium, Complexity.Medium)] = (8, 18),
        [(PartType.Combined, SizeClass.Medium, Complexity.Complex)] = (12, 25), // derived
        [(PartType.Combined, SizeClass.Large, Complexity.Simple)] = (8, 16), // derived
        [(PartType.Combined, SizeClass.Large, Complexity.Medium)] = (12, 28), // derived
        [(PartType.Combined, SizeClass.Large, Complexity.Complex)] = (15, 40),
    };

    /// <summary>Cutting-time multipliers by material group (structural steel 1.00).</summary>
    public static readonly IReadOnlyDictionary<string, double> MaterialMultipliers = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["aluminium"] = 0.40,
        ["plastic"] = 0.30,
        ["brass_bronze"] = 0.50,
        ["copper"] = 0.55,
        ["cast_iron"] = 0.80,
        ["free_cutting_steel"] = 0.85,
        ["steel"] = 1.00,
        ["alloy_steel"] = 1.20,
        ["stainless_steel"] = 1.20,
        ["tool_steel"] = 1.50,
        ["titanium"] = 2.00,
    };

    /// <summary>Add-on per through hole, steel minutes (min, max).</summary>
    public static readonly (double Min, double Max) ThroughHole = (0.2, 0.3);

    /// <summary>Add-on per threaded hole M3–M8.</summary>
    public static readonly (double Min, double Max) ThreadedHole = (0.3, 0.6);

    /// <summary>Add-on per reamed H7 hole.</summary>
    public static readonly (double Min, double Max) ReamedHole = (0.4, 0.8);

    /// <summary>Add-on per chamfer.</summary>
    public static readonly (double Min, double Max) Chamfer = (0.05, 0.15);
}
