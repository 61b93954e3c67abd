using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Testing;
using TimeVision.Testing.History;

namespace TimeVision.Cli.Tests;

/// <summary>
/// Generated labelled history in a data folder, built once for <see cref="HistoryCommandTests"/>: <see cref="Parts"/>
/// parts with their real times, and a near duplicate of part 9 (drawing <c>DUP-CLI</c>, 33.5 min). Tests read a copy.
/// </summary>
public sealed class HistoryCorpus : IAsyncLifetime
{
    public const int Parts = 150;

    private readonly TempFolder _folder = new();
    private readonly List<(string Id, GeneratedPart Part)> _history = [];

    /// <summary>The data folder holding the history; never written after it is built.</summary>
    public string Data => Path.Combine(_folder.Path, "data");

    /// <summary>The generated parts, in order, with their document ids.</summary>
    public IReadOnlyList<(string Id, GeneratedPart Part)> History => _history;

    /// <summary>The document id of the near duplicate of part 9.</summary>
    public string Duplicate { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = Data }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddTimeVisionCore().BuildServiceProvider();
        var random = new Random(21);
        for (var i = 0; i < Parts; i++)
        {
            var part = GeneratedHistory.Draw(random, i);
            var id = GeneratedHistory.IdOf($"cli-{i}");
            await GeneratedHistory.StoreAsync(services, id, part, token);
            _history.Add((id, part));
        }

        Duplicate = GeneratedHistory.IdOf("cli-duplicate");
        await GeneratedHistory.StoreAsync(services, Duplicate, _history[9].Part with { DrawingNumber = "DUP-CLI" }, token, actualMinutes: 33.5);
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
