using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Recovery;

public sealed class LeftoverWritesTests : IDisposable
{
    private static readonly DateTimeOffset ProcessStarted = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    [Fact]
    public void Partial_files_written_before_the_process_started_are_removed_and_newer_ones_and_whole_files_kept()
    {
        var old = Write(Path.Combine("blobs", "pages", "a", "page-001.png.9c.partial"), ProcessStarted.AddHours(-1));
        var justBefore = Write(Path.Combine("estimates", "a", "document.json.7b.partial"), ProcessStarted.AddSeconds(-1));
        var inProgress = Write(Path.Combine("blobs", "drawings", "b.pdf.5e.partial"), ProcessStarted.AddSeconds(1));
        var whole = Write(Path.Combine("blobs", "drawings", "c.pdf"), ProcessStarted.AddHours(-1));

        var removed = LeftoverWrites.RemoveOlderThan(_folder.Path, ProcessStarted);

        Assert.Equal(2, removed);
        Assert.False(File.Exists(old));
        Assert.False(File.Exists(justBefore));
        Assert.True(File.Exists(inProgress));
        Assert.True(File.Exists(whole));
    }

    [Fact]
    public void A_data_folder_that_does_not_exist_yet_has_nothing_to_remove() =>
        Assert.Equal(0, LeftoverWrites.RemoveOlderThan(Path.Combine(_folder.Path, "missing"), ProcessStarted));

    public void Dispose() => _folder.Dispose();

    private string Write(string relative, DateTimeOffset writtenAt)
    {
        var path = Path.Combine(_folder.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, writtenAt.UtcDateTime);
        return path;
    }
}
