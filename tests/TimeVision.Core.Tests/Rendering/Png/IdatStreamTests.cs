using System.Buffers.Binary;
using TimeVision.Core.Estimating.Rendering.Png;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Rendering.Png;

public sealed class IdatStreamTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Synchronous_and_asynchronous_writes_give_the_same_chunks()
    {
        var data = TestPdfs.RandomBytes(200_000);

        var synchronous = new MemoryStream();
        using (var idat = new IdatStream(new PngChunkWriter(synchronous)))
        {
            idat.Write(data, 0, 70_000);
            idat.Write(data.AsSpan(70_000));
            idat.Flush();
        }

        var asynchronous = new MemoryStream();
        await using (var idat = new IdatStream(new PngChunkWriter(asynchronous)))
        {
            await idat.WriteAsync(data.AsMemory(0, 70_000), Token);
            await idat.WriteAsync(data.AsMemory(70_000), Token);
            await idat.FlushAsync(Token);
        }

        Assert.Equal(asynchronous.ToArray(), synchronous.ToArray());
        Assert.Equal([65_536, 65_536, 65_536, 3_392], ChunkLengths(synchronous.ToArray()));
    }

    [Fact]
    public void A_synchronous_flush_with_nothing_buffered_writes_nothing()
    {
        var output = new MemoryStream();
        using var idat = new IdatStream(new PngChunkWriter(output));

        idat.Flush();

        Assert.Equal(0, output.Length);
    }

    private static List<int> ChunkLengths(byte[] chunks)
    {
        var lengths = new List<int>();
        for (var offset = 0; offset < chunks.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(chunks.AsSpan(offset));
            Assert.Equal("IDAT"u8.ToArray(), chunks.AsSpan(offset + 4, 4).ToArray());
            lengths.Add(length);
            offset += 12 + length;
        }

        return lengths;
    }
}
