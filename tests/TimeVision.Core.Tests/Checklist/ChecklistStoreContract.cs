using TimeVision.Core.Estimating.Checklist;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Tests.Checklist;

/// <summary>What every <see cref="IChecklistStore"/> must do; each implementation's test class runs these.</summary>
public abstract class ChecklistStoreContract
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store.</summary>
    protected abstract Task<IChecklistStore> CreateStoreAsync();

    [Fact]
    public async Task A_saved_checklist_reads_back_with_a_token_that_the_next_save_must_carry()
    {
        var store = await CreateStoreAsync();
        var id = NewDocumentId();
        var tick = new ChecklistItem("p1.material", true, "Jana Nováková", new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero));

        Assert.Null(await store.GetAsync(id, Token));
        var first = await store.SaveAsync(DocumentChecklist.Empty(id).With(tick), null, Token);
        var read = await store.GetAsync(id, Token);

        Assert.Equal(first, read!.ETag);
        Assert.Equal([tick], read.Items);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(DocumentChecklist.Empty(id), null, Token));
        var second = await store.SaveAsync(read.With(tick with { Checked = false }), read.ETag, Token);
        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(read, first, Token));
        Assert.False((await store.GetAsync(id, Token))!.Items.Single().Checked);
    }

    internal static string NewDocumentId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
}
