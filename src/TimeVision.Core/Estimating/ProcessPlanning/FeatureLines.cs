using System.Globalization;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>Builds a feature's line: the count multiplies the minutes of one.</summary>
internal static class FeatureLines
{
    public static TimedFeature Make(
        MachiningFeature f, string id, double minutesEach, string formula, Dictionary<string, double> inputs, FormattableString tool, OperationKind kind)
    {
        var count = f.Count ?? 1;
        return new TimedFeature(new PlanLine(id, f.Type, count, count * minutesEach, formula, inputs), tool.ToString(CultureInfo.InvariantCulture), kind);
    }
}
