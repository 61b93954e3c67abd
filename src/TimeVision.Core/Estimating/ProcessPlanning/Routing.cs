namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Builds the routing from timed features: saw, turning clamping, milling clamping (drilling and tapping join the
/// lathe's clamping for a rotational part, the mill's otherwise), deburring, inspection. Setup per clamping =
/// setupBaseMin + setupPerToolMin × tools: the base and the load/unload go to the clamping's first operation, each
/// operation adds its own tools. Cycle = cutting + tool changes + rapids + load/unload.
/// </summary>
internal sealed class Routing(PlanContext context, WorkCentreChooser chooser, PartType partType)
{
    private readonly List<PlannedOperation> _operations = [];
    private int _clamping;

    public IReadOnlyList<PlannedOperation> Build(List<TimedFeature> timed)
    {
        var saw = Of(timed, OperationKind.Sawing);
        if (BenchTimes.StockCut(context) is { } stockCut)
        {
            saw.Insert(0, stockCut);
        }

        AddClamping(WorkCentreKind.Sawing, new CentreNeed(Largest(saw, "heightMm"), null), (OperationKind.Sawing, saw));
        var holes = Of(timed, OperationKind.Drilling);
        var holesOnLathe = partType == PartType.Rotational;
        var turning = Of(timed, OperationKind.Turning);
        var stock = context.Stock;
        var latheNeed = new CentreNeed(Max(stock.DiameterMm, Largest(turning, "D1"), Largest(turning, "D")), stock.LengthMm);
        AddClamping(WorkCentreKind.Turning, latheNeed, (OperationKind.Turning, turning), (OperationKind.Drilling, holesOnLathe ? holes : []));
        var millNeed = new CentreNeed(null, Max(stock.LengthMm, stock.WidthMm));
        AddClamping(WorkCentreKind.Milling, millNeed, (OperationKind.Milling, Of(timed, OperationKind.Milling)), (OperationKind.Drilling, holesOnLathe ? [] : holes));
        var deburring = Of(timed, OperationKind.Deburring);
        var perPart = context.Cutting.Deburring.DeburrPerPartMin;
        deburring.Add(new TimedFeature(new PlanLine("part", FeatureType.Chamfer, 1, perPart, PlanFormulas.DeburringPerPart, new Dictionary<string, double>()), "deburring tool", OperationKind.Deburring));
        AddClamping(WorkCentreKind.Manual, new CentreNeed(null, null), (OperationKind.Deburring, deburring));
        AddInspection(timed.Count);
        return _operations;
    }

    private void AddClamping(WorkCentreKind kind, CentreNeed need, params (OperationKind Kind, List<TimedFeature> Items)[] operations)
    {
        var used = operations.Where(o => o.Items.Count > 0).ToList();
        if (used.Count == 0)
        {
            return;
        }

        var centre = chooser.Choose(kind, need);
        _clamping++;
        for (var i = 0; i < used.Count; i++)
        {
            _operations.Add(Operation(centre, used[i].Kind, used[i].Items, firstInClamping: i == 0));
        }
    }

    private PlannedOperation Operation(WorkCentre? centre, OperationKind kind, List<TimedFeature> items, bool firstInClamping)
    {
        var tools = items.Select(i => i.Tool).Distinct(StringComparer.Ordinal).Count();
        var cuttingMin = items.Sum(i => i.Line.CuttingMin);
        var toolChanges = tools * (centre?.ToolChangeMin ?? 0);
        var rapids = centre?.RapidMPerMin is { } rapid ? items.Sum(i => i.Line.Count) * context.Defaults.RapidDistanceMm / (rapid * 1000) : 0;
        var loadUnload = firstInClamping ? centre?.LoadUnloadMin ?? 0 : 0;
        var setup = (firstInClamping ? centre?.SetupBaseMin ?? 0 : 0) + ((centre?.SetupPerToolMin ?? 0) * tools);
        return new PlannedOperation
        {
            Sequence = (_operations.Count + 1) * 10,
            WorkCentre = centre?.Id ?? WorkCentreChooser.None,
            Kind = kind,
            Clamping = _clamping,
            SetupMin = setup,
            CycleMin = cuttingMin + toolChanges + rapids + loadUnload,
            CuttingMin = cuttingMin,
            NonCuttingMin = toolChanges + rapids + loadUnload,
            Tools = tools,
            Lines = items.Select(i => i.Line).ToList(),
        };
    }

    private void AddInspection(int features)
    {
        var table = context.Cutting.Inspection;
        var centre = chooser.Choose(WorkCentreKind.Inspection, new CentreNeed(null, null));
        var row = table.SetupBySize.FirstOrDefault(r => r.MaxFeatures is null || features <= r.MaxFeatures);
        _clamping++;
        _operations.Add(new PlannedOperation
        {
            Sequence = (_operations.Count + 1) * 10,
            WorkCentre = centre?.Id ?? WorkCentreChooser.None,
            Kind = OperationKind.Inspection,
            Clamping = _clamping,
            SetupMin = (row?.SetupMin ?? 0) + (centre?.SetupBaseMin ?? 0),
            CycleMin = table.MinPerPiece,
            CuttingMin = 0,
            NonCuttingMin = table.MinPerPiece,
            Tools = 0,
            Lines = [],
        });
    }

    private static List<TimedFeature> Of(List<TimedFeature> timed, OperationKind kind) => timed.Where(t => t.Kind == kind).ToList();

    private static double? Largest(List<TimedFeature> items, string input) =>
        items.Select(i => i.Line.Inputs.TryGetValue(input, out var v) ? v : (double?)null).Max();

    private static double? Max(params double?[] values) => values.Max();
}
