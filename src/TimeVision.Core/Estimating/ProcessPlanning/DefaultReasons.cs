using System.Globalization;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Every default the engine records in a plan's <see cref="ProcessPlan.DefaultsUsed"/> and why, in English as the
/// contract has it: <c>where: field = value (why)</c>, or a note of its own. The page words each in Czech by its known
/// forms (planWords.js, codes.js) and leaves out one it cannot word; a browser test words every one of
/// <see cref="Examples"/>, so a timer takes its reason from here, never from a literal.
/// </summary>
public static class DefaultReasons
{
#pragma warning disable CS1591 // the names say what each reason is; the text is beside them
    public const string NoDiameter = "no diameter";
    public const string NoDiameterOrThread = "no diameter or thread";
    public const string NoWidth = "no width";
    public const string NoDepth = "no depth";
    public const string NoSlotLength = "no slot length";
    public const string NoPocketLength = "no pocket length";
    public const string NoPocketWidth = "no pocket width";
    public const string NoGrooveDepth = "no groove depth";
    public const string NoCutHeightOrStock = "no cut height or stock";
    public const string NoContourLengthOrStock = "no contour length or stock";
    public const string ThroughStockHeight = "through the stock's height";
    public const string StockOutline = "the stock's outline";
    public const string CoarsePitch = "ISO 261 coarse pitch";
    public const string NotCoarseSeries = "not in the coarse series";
    public const string FaceMill = "face mill";
    public const string EndMill = "end mill";
    public const string ContourTool = "contour tool";
    public const string EndMillInSlot = "largest end mill ≤ slot width";
    public const string OnePassBelowD1 = "one pass below D1";
    public const string GroovingInsertWidth = "grooving insert width";
    public const string FromFeaturesAndStock = "from the features and stock";
    public const string NoMaterialGroup = "no material group given or recognised";
    public const string StockWidth = "the stock's width";
    public const string StockLength = "the stock's length";
    public const string StockDiameter = "the stock's diameter";
    public const string NoWidthOrStock = "no width or stock";
    public const string NoLengthOrStock = "no length or stock";
    public const string NoDiameterOrStock = "no diameter or stock";
    public const string OnePassAboveD2 = "one pass above D2";
#pragma warning restore CS1591

    /// <summary>A default as the plan records it: <c>where: field = value (why)</c>.</summary>
    /// <param name="where">The feature's id, <c>part</c> or <c>stock</c>.</param>
    /// <param name="field">The field of the features contract.</param>
    /// <param name="value">The value taken.</param>
    /// <param name="why">Why, one of this class's reasons.</param>
    public static string Line(string where, string field, string value, string why) => $"{where}: {field} = {value} ({why})";

    /// <summary>A size from the diameter: <c>1.5·D</c>.</summary>
    /// <param name="factor">The factor on the diameter.</param>
    public static string TimesD(double factor) => Invariant($"{factor}·D");

    /// <summary>A length from the diameter before turning: <c>2·D1</c>.</summary>
    /// <param name="factor">The factor on the diameter.</param>
    public static string TimesD1(double factor) => Invariant($"{factor}·D1");

    /// <summary>The face mill chosen for a width.</summary>
    /// <param name="factor">The tool's diameter over the width.</param>
    public static string SmallestFaceMill(double factor) => Invariant($"smallest face mill ≥ {factor}·width");

    /// <summary>The end mill chosen for a pocket's width.</summary>
    /// <param name="factor">The largest diameter over the width.</param>
    public static string LargestEndMill(double factor) => Invariant($"largest end mill ≤ {factor}·width");

    /// <summary>A pocket's stepover from the tool's diameter.</summary>
    /// <param name="factor">The stepover over the diameter.</param>
    public static string Stepover(double factor) => Invariant($"stepover {factor}·D");

    /// <summary>A cutting value from the group's table, or from the group it falls back on: <c>steel drilling</c>, <c>copper (fallback of brass_bronze) milling</c>.</summary>
    /// <param name="group">The group whose table has the value.</param>
    /// <param name="fallbackOf">The part's group, when the value is its fallback group's.</param>
    /// <param name="operation">The operation's name in the cutting data (<c>drilling</c>, <c>threadTurning</c>).</param>
    public static string CuttingData(string group, string? fallbackOf, string operation) =>
        fallbackOf is null ? $"{group} {operation}" : $"{group} (fallback of {fallbackOf}) {operation}";

    /// <summary>The material group read from the material's text.</summary>
    /// <param name="material">The material as written.</param>
    public static string ReadFromMaterial(string? material) => $"read from the material '{material}'";

    /// <summary>A material group the cutting data does not have.</summary>
    /// <param name="group">The group given.</param>
    public static string NoCuttingData(string group) => $"'{group}' has no cutting data";

    /// <summary>The note for a kind of work centre the list has none of.</summary>
    /// <param name="kind">The kind's code.</param>
    /// <param name="none">The id the plan shows instead.</param>
    public static string NoCentre(string kind, string none) =>
        $"{kind}: no active work centre of this kind; the operation is planned on '{none}' with no setup or non-cutting time";

    /// <summary>The note for a part no centre of its kind holds.</summary>
    /// <param name="kind">The kind's code.</param>
    /// <param name="diameterMm">The part's diameter, if known.</param>
    /// <param name="lengthMm">The part's length, if known.</param>
    /// <param name="largest">The largest centre's id, which is taken.</param>
    public static string NoCentreHolds(string kind, double? diameterMm, double? lengthMm, string largest) =>
        Invariant($"{kind}: no work centre holds Ø{diameterMm:0.#} × {lengthMm:0.#} mm; the largest, {largest}, is taken");

    /// <summary>The note for a facing whose target is not below its diameter.</summary>
    /// <param name="featureId">The feature.</param>
    /// <param name="target">Its diameter after.</param>
    /// <param name="outside">Its diameter before.</param>
    public static string NothingCut(string featureId, double target, double outside) =>
        Invariant($"{featureId}: diameterToMm {target:0.###} is not below the diameter {outside:0.###}; nothing is cut");

    /// <summary>One of every default and note the engine can record, with sample values, as the plan writes them.</summary>
    public static IReadOnlyList<string> Examples { get; } =
    [
        .. new[]
        {
            NoDiameter, NoDiameterOrThread, NoWidth, NoDepth, NoSlotLength, NoPocketLength, NoPocketWidth, NoGrooveDepth, NoCutHeightOrStock,
            NoContourLengthOrStock, ThroughStockHeight, StockOutline, CoarsePitch, NotCoarseSeries, FaceMill, EndMill, ContourTool, EndMillInSlot,
            OnePassBelowD1, GroovingInsertWidth, StockWidth, StockLength, StockDiameter, NoWidthOrStock, NoLengthOrStock, NoDiameterOrStock, OnePassAboveD2, TimesD(1.5), TimesD1(2), SmallestFaceMill(1.3), LargestEndMill(0.5), Stepover(0.6),
        }.Select(why => Line("t1", "depthMm", "12", why)),
        Line("t1", "cutting.vcMPerMin", "90", CuttingData("steel", null, "drilling")),
        Line("t2", "cutting.fMmPerRev", "0.2", CuttingData("copper", "brass_bronze", "threadTurning")),
        Line("part", "partType", Json.JsonCode.Of(PartType.Rotational), FromFeaturesAndStock),
        Line("part", "materialGroup", "stainless_steel", ReadFromMaterial("X5CrNi18-10")),
        Line("part", "materialGroup", "steel", NoCuttingData("unobtainium")),
        Line("part", "materialGroup", "steel", NoMaterialGroup),
        NoCentre("sawing", "none"),
        NoCentreHolds("turning", 250, 1200, "80000001"),
        NothingCut("f1", 40, 30),
    ];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
