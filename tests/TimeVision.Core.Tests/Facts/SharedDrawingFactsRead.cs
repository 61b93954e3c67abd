using System.Collections.Concurrent;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Tests.Support;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Each shared drawing's facts read once per test class (an <c>IClassFixture</c>), for the tests that only look at them:
/// reading a drawing is a pdftotext process per page, and the truth-table tests ask for every drawing.
/// </summary>
public sealed class SharedDrawingFactsRead : IDisposable
{
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services = CoreServices.Create();

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<PageFacts>>>> _read = new(StringComparer.Ordinal);

    /// <summary>The facts of every page of <paramref name="pdfPath"/>, read the first time any test asks for them.</summary>
    /// <remarks>The read is not the asking test's: it runs without its token, and each test waits on it with its own.</remarks>
    public Task<IReadOnlyList<PageFacts>> ReadAsync(string pdfPath, CancellationToken cancellationToken) =>
        _read.GetOrAdd(pdfPath, path => new(() => _services.Get<DrawingFactsReader>().ReadAsync(path, null, CancellationToken.None)))
            .Value.WaitAsync(cancellationToken);

    public void Dispose() => _services.Dispose();
}
