using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Tests.ProcessPlanning;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.History;

namespace TimeVision.Core.Tests.Calibration;

/// <summary>
/// Two generated shops' history, built once for <see cref="EngineCalibrationTests"/>: the same <see cref="Parts"/> parts,
/// whose real times are known factors per operation kind on the engine's own minutes (±1 % noise), and every
/// <see cref="MistypedEvery"/>th time typed ten times too large. One shop keeps only the time per piece (its run); the
/// other keeps setup and run apart, and its time per piece is the run plus the setup spread over a batch of ten.
/// </summary>
public sealed class EngineHistory : IAsyncLifetime
{
    public const int Parts = 200;
    public const int BatchSize = 10;
    public const double Noise = 0.01;
    public const int MistypedEvery = 40;

    /// <summary>The shops' factors on the engine's minutes per piece (inspection has none per piece).</summary>
    public static readonly IReadOnlyDictionary<FactorKind, double> CycleFactors = new Dictionary<FactorKind, double>
    {
        [FactorKind.Sawing] = 0.8, [FactorKind.Turning] = 0.7, [FactorKind.Milling] = 1.4, [FactorKind.Drilling] = 1.25, [FactorKind.Tapping] = 2.0, [FactorKind.Deburring] = 1.5,
    };

    /// <summary>The shops' factors on the engine's setup minutes (deburring has no setup).</summary>
    public static readonly IReadOnlyDictionary<FactorKind, double> SetupFactors = new Dictionary<FactorKind, double>
    {
        [FactorKind.Sawing] = 1.5, [FactorKind.Turning] = 0.8, [FactorKind.Milling] = 1.3, [FactorKind.Drilling] = 1.2, [FactorKind.Inspection] = 0.6,
    };

    private readonly TempFolder _folder = new();

    /// <summary>The shop that keeps one time per piece.</summary>
    public ServiceProvider Totals { get; private set; } = null!;

    /// <summary>The shop that keeps setup and run apart.</summary>
    public ServiceProvider Split { get; private set; } = null!;

    /// <summary>A features file of a part not in the history, and the setup and run the shops would measure for it (no noise).</summary>
    public (string File, double Setup, double Run) NewPart { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        Totals = CoreServices.Create(("Storage:DataDirectory", Path.Combine(_folder.Path, "totals")));
        Split = CoreServices.Create(("Storage:DataDirectory", Path.Combine(_folder.Path, "split")));
        var random = new Random(27);
        for (var i = 0; i < Parts; i++)
        {
            var features = GeneratedRoutings.Draw(random);
            var (setup, run) = GeneratedRoutings.TrueTimes(Plans.Of(features), SetupFactors, CycleFactors, random, Noise);
            (setup, run) = i % MistypedEvery == 1 ? (setup * 10, run * 10) : (setup, run);
            await GeneratedRoutings.StoreAsync(Totals, GeneratedHistory.IdOf($"engine-{i}"), features, new GeneratedTimes(run, null, null), token);
            await GeneratedRoutings.StoreAsync(Split, GeneratedHistory.IdOf($"engine-{i}"), features, new GeneratedTimes(run + (setup / BatchSize), setup, run), token);
        }

        // A new part on which the engine alone is more than 10 % off the shop's real time, so the factors have something to show.
        FeatureSet part;
        double trueSetup, trueRun;
        do
        {
            part = GeneratedRoutings.Draw(random);
            (trueSetup, trueRun) = GeneratedRoutings.TrueTimes(Plans.Of(part), SetupFactors, CycleFactors, random, noise: 0);
        }
        while (Math.Abs((Plans.Of(part).CycleMin / trueRun) - 1) < 0.1);

        NewPart = (_folder.Write("new-part.json", JsonSerializer.SerializeToUtf8Bytes(part, PlanningJson.Options)), trueSetup, trueRun);
    }

    public async ValueTask DisposeAsync()
    {
        await Totals.DisposeAsync();
        await Split.DisposeAsync();
        _folder.Dispose();
    }
}
