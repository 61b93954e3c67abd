using TimeVision.Core.Estimating.Pipeline.Durable;

namespace TimeVision.Core.Tests.Pipeline.Durable;

public sealed class BoundedFanOutTests
{
    [Fact]
    public async Task Results_come_back_in_item_order_whatever_order_the_tasks_finish_in()
    {
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<int>()).ToArray();

        var run = BoundedFanOut.RunAsync([0, 1, 2, 3], limit: 4, i => gates[i].Task);
        foreach (var i in new[] { 3, 1, 0, 2 })
        {
            gates[i].SetResult(i * 10);
        }

        Assert.Equal([0, 10, 20, 30], await run);
    }

    [Fact]
    public async Task Items_start_in_order_and_never_more_than_the_limit_at_once()
    {
        var started = new List<int>();
        var running = 0;
        var most = 0;

        var results = await BoundedFanOut.RunAsync(Enumerable.Range(0, 7).ToList(), limit: 3, async i =>
        {
            started.Add(i);
            most = Math.Max(most, ++running);
            await Task.Yield();
            running--;
            return i;
        });

        Assert.Equal(Enumerable.Range(0, 7), started);
        Assert.Equal(Enumerable.Range(0, 7), results);
        Assert.InRange(most, 1, 3);
    }

    [Fact]
    public async Task A_failing_item_fails_the_run()
    {
        var run = BoundedFanOut.RunAsync([1, 2, 3], limit: 2, i => i == 2 ? Task.FromException<int>(new InvalidOperationException("page 2")) : Task.FromResult(i));

        Assert.Equal("page 2", (await Assert.ThrowsAsync<InvalidOperationException>(() => run)).Message);
    }

    [Fact]
    public async Task A_limit_below_one_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BoundedFanOut.RunAsync([1], limit: 0, Task.FromResult));
    }
}
