using ArchUnitNET.Loader;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Core.Tests.Architecture;

/// <summary>
/// Core is grouped by what it is for (src/docs/architecture.md): Storage, then Estimating, then Learning, then
/// ModelOps, with Json and Durable shared below all. A unit may use its own group and the groups below it, never one
/// above, and no two feature folders may use each other, directly or round a longer loop.
/// </summary>
public sealed class CoreArchitectureTests
{
    private static readonly Lazy<IReadOnlyList<UnitDependency>> Dependencies = new(ReadDependencies);

    [Fact]
    public void No_unit_uses_a_group_above_its_own()
    {
        var upward = Dependencies.Value
            .Where(d => d.From != CoreUnits.Composition && CoreUnits.LayerOf(d.To) > CoreUnits.LayerOf(d.From))
            .Select(d => d.ToString())
            .ToList();

        Assert.True(upward.Count == 0, "Upward dependencies:\n" + string.Join('\n', upward));
    }

    [Fact]
    public void No_feature_folders_depend_on_each_other_in_a_loop()
    {
        var edges = Dependencies.Value.Where(d => d.From != CoreUnits.Composition && d.To != CoreUnits.Composition).ToList();
        var cycles = DependencyCycles.Find(edges.Select(d => (d.From, d.To)))
            .Select(cycle => string.Join(" -> ", cycle) + "\n  " + string.Join("\n  ", edges.Where(d => cycle.Contains(d.From) && cycle.Contains(d.To)).Select(d => d.ToString())))
            .ToList();

        Assert.True(cycles.Count == 0, "Cycles:\n" + string.Join('\n', cycles));
    }

    [Fact]
    public void The_test_reads_the_dependencies_it_checks()
    {
        // A loader that saw nothing would pass both rules: the pipeline's known uses must be among what it read.
        Assert.Contains(Dependencies.Value, d => d is { From: "Estimating/Pipeline", To: "Estimating/Rendering" });
        Assert.Contains(Dependencies.Value, d => d is { From: "Learning/History", To: "Estimating/Pipeline" });
        Assert.Contains(Dependencies.Value, d => d.FromType == "Microsoft.Extensions.DependencyInjection.HistoryServiceCollectionExtensions" && d.From == "Learning/History");
    }

    [Fact]
    public void A_loop_is_found_however_long_and_a_chain_is_not_a_loop()
    {
        var loops = DependencyCycles.Find([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E")]);

        Assert.Equal(["A", "B", "C"], Assert.Single(loops));
        Assert.Empty(DependencyCycles.Find([("A", "B"), ("B", "C"), ("A", "C")]));
    }

    private static List<UnitDependency> ReadDependencies()
    {
        var assembly = typeof(DocumentPipeline).Assembly;
        var units = CoreUnits.Of(assembly);
        var architecture = new ArchLoader().LoadAssemblies(assembly).Build();
        var found = new Dictionary<(string, string), UnitDependency>();
        foreach (var type in architecture.Types)
        {
            if (units.UnitOf(type.FullName, type.Namespace?.FullName ?? string.Empty) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (units.UnitOf(dependency.Target.FullName, dependency.Target.Namespace?.FullName ?? string.Empty) is { } to && to != from)
                {
                    found.TryAdd((from, to), new UnitDependency(from, to, type.FullName, dependency.Target.FullName));
                }
            }
        }

        return [.. found.Values];
    }

    private sealed record UnitDependency(string From, string To, string FromType, string ToType)
    {
        public override string ToString() => $"{From} -> {To} (e.g. {FromType} uses {ToType})";
    }
}
