using System.Buffers.Binary;
using TimeVision.Core.Estimating.Rendering.Png;
using TimeVision.Core.Estimating.Rendering.Poppler;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Rendering.Poppler;

public sealed class UncompressedTiffTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(false, 3)]
    public async Task Reads_the_size_and_the_rows_across_strips_in_either_byte_order(bool bigEndian, int channels)
    {
        var pixels = TestPdfs.RandomBytes(5 * 7 * channels);
        var path = Write(Tiff(5, 7, channels, pixels, rowsPerStrip: 3, bigEndian));

        using var file = File.OpenHandle(path);
        var (header, rows) = UncompressedTiff.Open(file);
        using var read = new MemoryStream();
        await rows.CopyToAsync(read, TestContext.Current.CancellationToken);

        Assert.Equal(new RawImageHeader(5, 7, channels), header);
        Assert.Equal(pixels, read.ToArray());
    }

    [Fact]
    public void Bytes_that_are_not_a_tiff_are_invalid_data()
    {
        var path = Write(TestPdfs.RandomBytes(64));

        using var file = File.OpenHandle(path);
        Assert.Throws<InvalidDataException>(() => UncompressedTiff.Open(file));
    }

    [Theory]
    [InlineData(259, 5)] // LZW compression
    [InlineData(258, 16)] // 16 bits per sample
    [InlineData(262, 0)] // white is zero
    [InlineData(279, 10)] // strips that do not hold the pixels
    public void A_tiff_the_renderer_does_not_write_is_invalid_data(int tag, int value)
    {
        var path = Write(Tiff(5, 7, 1, TestPdfs.RandomBytes(35), rowsPerStrip: 7, bigEndian: false, (ushort)tag, (uint)value));

        using var file = File.OpenHandle(path);
        Assert.Throws<InvalidDataException>(() => UncompressedTiff.Open(file));
    }

    [Fact]
    public async Task A_strip_beyond_the_end_of_the_file_fails_when_its_rows_are_read()
    {
        var path = Write(Tiff(5, 7, 1, TestPdfs.RandomBytes(35), rowsPerStrip: 7, bigEndian: false, overrideTag: 273, overrideValue: 60_000));

        using var file = File.OpenHandle(path);
        var (_, rows) = UncompressedTiff.Open(file);

        await Assert.ThrowsAsync<InvalidDataException>(() => rows.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));
    }

    private string Write(byte[] bytes) => _folder.Write($"{Guid.NewGuid():N}.tif", bytes);

    /// <summary>
    /// A baseline TIFF as libtiff writes it: header, pixel strips, then one directory of SHORT and LONG entries.
    /// <paramref name="overrideTag"/> replaces one entry's value (a single SHORT) to make a TIFF the reader must refuse.
    /// </summary>
    private static byte[] Tiff(int width, int height, int channels, byte[] pixels, int rowsPerStrip, bool bigEndian, ushort overrideTag = 0, uint overrideValue = 0)
    {
        var stride = width * channels;
        var strips = Enumerable.Range(0, (height + rowsPerStrip - 1) / rowsPerStrip)
            .Select(i => (Offset: 8 + (i * rowsPerStrip * stride), Length: Math.Min(rowsPerStrip, height - (i * rowsPerStrip)) * stride))
            .ToArray();
        var extra = 8 + pixels.Length;
        var bitsAt = extra;
        var offsetsAt = bitsAt + (2 * channels);
        var countsAt = offsetsAt + (4 * strips.Length);
        var directoryAt = countsAt + (4 * strips.Length);
        (ushort Tag, ushort Type, uint Count, uint Value)[] entries =
        [
            (256, 3, 1, (uint)width),
            (257, 3, 1, (uint)height),
            (258, 3, (uint)channels, channels == 1 ? 8u : (uint)bitsAt),
            (259, 3, 1, 1),
            (262, 3, 1, channels == 1 ? 1u : 2u),
            (273, 4, (uint)strips.Length, strips.Length == 1 ? (uint)strips[0].Offset : (uint)offsetsAt),
            (277, 3, 1, (uint)channels),
            (278, 3, 1, (uint)rowsPerStrip),
            (279, 4, (uint)strips.Length, strips.Length == 1 ? (uint)strips[0].Length : (uint)countsAt),
            (284, 3, 1, 1),
        ];
        entries = [.. entries.Select(e => e.Tag == overrideTag ? (e.Tag, (ushort)3, 1u, overrideValue) : e)];

        var tiff = new byte[directoryAt + 2 + (12 * entries.Length) + 4];
        void U16(int at, uint value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)value);
            }
        }

        void U32(int at, uint value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), value);
            }
        }

        tiff[0] = tiff[1] = bigEndian ? (byte)'M' : (byte)'I';
        U16(2, 42);
        U32(4, (uint)directoryAt);
        pixels.CopyTo(tiff, 8);
        for (var i = 0; i < channels; i++)
        {
            U16(bitsAt + (2 * i), 8);
        }

        for (var i = 0; i < strips.Length; i++)
        {
            U32(offsetsAt + (4 * i), (uint)strips[i].Offset);
            U32(countsAt + (4 * i), (uint)strips[i].Length);
        }

        U16(directoryAt, (uint)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = directoryAt + 2 + (12 * i);
            U16(at, entries[i].Tag);
            U16(at + 2, entries[i].Type);
            U32(at + 4, entries[i].Count);
            if (entries[i].Type == 3 && entries[i].Count == 1)
            {
                U16(at + 8, entries[i].Value);
            }
            else
            {
                U32(at + 8, entries[i].Value);
            }
        }

        return tiff;
    }
}
