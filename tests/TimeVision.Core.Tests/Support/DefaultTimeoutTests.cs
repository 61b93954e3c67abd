using TimeVision.Testing;
using Xunit.v3;

namespace TimeVision.Core.Tests.Support;

/// <summary>Every test project runs on <see cref="DefaultTimeoutTestFramework"/>: a test has a timeout whether it names one or not.</summary>
public sealed class DefaultTimeoutTests
{
    [Fact]
    public void A_test_that_names_no_timeout_gets_the_default() =>
        Assert.Equal(DefaultTimeoutTestFramework.DefaultTimeout, TimeSpan.FromMilliseconds(CurrentTimeoutMs()));

    [Fact(Timeout = 60_000)]
    public async Task A_test_that_names_its_own_timeout_keeps_it()
    {
        await Task.Yield();
        Assert.Equal(60_000, CurrentTimeoutMs());
    }

    [Theory]
    [InlineData(1)]
    public void A_theory_row_gets_the_default_too(int row)
    {
        Assert.Equal(1, row);
        Assert.Equal(DefaultTimeoutTestFramework.DefaultTimeout, TimeSpan.FromMilliseconds(CurrentTimeoutMs()));
    }

    private static int CurrentTimeoutMs() => Assert.IsAssignableFrom<IXunitTest>(TestContext.Current.Test).Timeout;
}
