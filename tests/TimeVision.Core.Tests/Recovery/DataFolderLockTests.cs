using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Recovery;

public sealed class DataFolderLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_second_holder_is_refused_with_the_folder_named_until_the_first_lets_go()
    {
        var data = Path.Combine(_folder.Path, "data");
        var first = DataFolderLock.Acquire(data, "estimate");

        var refused = Assert.Throws<DataFolderInUseException>(() => DataFolderLock.Acquire(data, "estimate"));
        first.Dispose();
        using var second = DataFolderLock.Acquire(data, "estimate");

        Assert.Contains(Path.GetFullPath(data), refused.Message, StringComparison.Ordinal);
        Assert.Contains("--data", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_waits_its_turn_while_another_command_holds_the_folder_and_says_so_once()
    {
        var data = Path.Combine(_folder.Path, "data");
        var time = new FakeTimeProvider();
        var first = DataFolderLock.Acquire(data, "estimate");
        var notices = new List<string>();

        var waiting = DataFolderLock.WaitAsync(data, "estimate", TimeSpan.FromMinutes(10), notices.Add, time, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        first.Dispose();
        using var second = await AdvanceUntilDoneAsync(waiting, time);

        Assert.Equal([Path.GetFullPath(data)], notices);
    }

    [Fact]
    public async Task A_running_serve_refuses_a_command_at_once_and_says_to_use_its_page()
    {
        var data = Path.Combine(_folder.Path, "data");
        using var serve = DataFolderLock.Acquire(data, DataFolderLock.ServeHolder);
        var notices = new List<string>();

        var refused = await Assert.ThrowsAsync<DataFolderInUseException>(
            () => DataFolderLock.WaitAsync(data, "estimate", TimeSpan.FromMinutes(10), notices.Add, new FakeTimeProvider(), TestContext.Current.CancellationToken));

        Assert.Empty(notices);
        Assert.Equal(DataFolderLock.ServeHolder, refused.Holder);
        Assert.Contains("timevision serve is running", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_waited_its_whole_patience_is_refused()
    {
        var data = Path.Combine(_folder.Path, "data");
        var time = new FakeTimeProvider();
        using var first = DataFolderLock.Acquire(data, "estimate");

        var waiting = DataFolderLock.WaitAsync(data, "retry", TimeSpan.FromMinutes(1), _ => { }, time, TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<DataFolderInUseException>(() => AdvanceUntilDoneAsync(waiting, time));
        Assert.Equal("estimate", refused.Holder);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Moves the fake clock on in the retry's steps until the wait ends (the continuations run on the thread pool).</summary>
    private static async Task<DataFolderLock> AdvanceUntilDoneAsync(Task<DataFolderLock> waiting, FakeTimeProvider time)
    {
        while (!waiting.IsCompleted)
        {
            TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
            time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Yield();
        }

        return await waiting;
    }
}
