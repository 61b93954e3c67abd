using TimeVision.Core.Recovery;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Recovery;

public sealed class DataFolderLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_second_holder_is_refused_with_the_folder_named_until_the_first_lets_go()
    {
        var data = Path.Combine(_folder.Path, "data");
        var first = DataFolderLock.Acquire(data);

        var refused = Assert.Throws<DataFolderInUseException>(() => DataFolderLock.Acquire(data));
        first.Dispose();
        using var second = DataFolderLock.Acquire(data);

        Assert.Contains(Path.GetFullPath(data), refused.Message, StringComparison.Ordinal);
        Assert.Contains("--data", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
