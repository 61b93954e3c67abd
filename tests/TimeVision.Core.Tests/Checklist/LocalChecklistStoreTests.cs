using TimeVision.Core.Estimating.Checklist;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Checklist;

/// <summary>The checklist store in the data folder.</summary>
public sealed class LocalChecklistStoreTests : ChecklistStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override Task<IChecklistStore> CreateStoreAsync() => Task.FromResult<IChecklistStore>(new LocalChecklistStore(_folder.Path));

    public void Dispose() => _folder.Dispose();
}
