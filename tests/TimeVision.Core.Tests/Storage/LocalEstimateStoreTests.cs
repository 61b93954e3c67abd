using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Storage;

public sealed class LocalEstimateStoreTests : EstimateStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override Task<IEstimateStore> CreateStoreAsync() => Task.FromResult<IEstimateStore>(new LocalEstimateStore(_folder.Path));

    [Fact]
    public async Task Documents_are_plain_json_files_in_the_data_folder()
    {
        var store = await CreateStoreAsync();
        var document = SampleDocument();

        await store.SaveAsync(document, null, Token);

        var file = Path.Combine(_folder.Path, "estimates", document.Id, "document.json");
        Assert.Contains("\"estimated_time_min\"", await File.ReadAllTextAsync(file, Token), StringComparison.Ordinal);
    }
}
