using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using TimeVision.Core.Estimating.Rendering.Png;

namespace TimeVision.Core.Estimating.Rendering.Poppler;

/// <summary>
/// Reads the uncompressed 8-bit TIFF that <c>pdftocairo -tiff -tiffcompression none</c> writes: the image's size from
/// its first directory, and its pixel rows from its strips, in order, without holding the image in memory.
/// </summary>
internal static class UncompressedTiff
{
    private const ushort ImageWidth = 256;
    private const ushort ImageLength = 257;
    private const ushort BitsPerSample = 258;
    private const ushort Compression = 259;
    private const ushort Photometric = 262;
    private const ushort StripOffsets = 273;
    private const ushort SamplesPerPixel = 277;
    private const ushort StripByteCounts = 279;
    private const ushort PlanarConfiguration = 284;
    private const int MaxEntries = 4096;

    /// <summary>Reads the directory and returns the image's header and a stream of its rows, top to bottom.</summary>
    /// <param name="file">The TIFF file, opened for reading.</param>
    /// <exception cref="InvalidDataException">The file is not an uncompressed 8-bit grayscale or RGB TIFF.</exception>
    public static (RawImageHeader Header, Stream Rows) Open(SafeFileHandle file)
    {
        var reader = new Reader(file);
        var order = reader.Bytes(0, 4);
        var bigEndian = order switch
        {
            [(byte)'I', (byte)'I', 42, 0] => false,
            [(byte)'M', (byte)'M', 0, 42] => true,
            _ => throw new InvalidDataException("The renderer's TIFF has no TIFF header."),
        };
        reader.BigEndian = bigEndian;

        var directory = reader.UInt32(4);
        var count = reader.UInt16(directory);
        if (count is 0 or > MaxEntries)
        {
            throw new InvalidDataException("The renderer's TIFF has no usable image directory.");
        }

        var fields = new Dictionary<ushort, uint[]>();
        for (var i = 0; i < count; i++)
        {
            var entry = directory + 2 + (12L * i);
            fields[reader.UInt16(entry)] = reader.Values(entry);
        }

        uint Single(ushort tag, uint? fallback = null) =>
            fields.TryGetValue(tag, out var values) && values.Length == 1 ? values[0]
            : fallback ?? throw new InvalidDataException($"The renderer's TIFF lacks tag {tag}.");

        var width = Single(ImageWidth);
        var height = Single(ImageLength);
        var channels = Single(SamplesPerPixel, 1);
        var photometric = Single(Photometric);
        var bits = fields.GetValueOrDefault(BitsPerSample) ?? [1];
        if (width is 0 or > int.MaxValue / 3 || height is 0 or > int.MaxValue
            || Single(Compression, 1) != 1 || Single(PlanarConfiguration, 1) != 1
            || (channels, photometric) is not ((1, 1) or (3, 2))
            || bits.Length != channels || bits.Any(b => b != 8))
        {
            throw new InvalidDataException(
                $"The renderer's TIFF is not an uncompressed 8-bit grayscale or RGB image ({width}×{height}, {channels} samples, photometric {photometric}).");
        }

        var offsets = fields.GetValueOrDefault(StripOffsets);
        var lengths = fields.GetValueOrDefault(StripByteCounts);
        var header = new RawImageHeader((int)width, (int)height, (int)channels);
        if (offsets is null || lengths is null || offsets.Length != lengths.Length
            || lengths.Sum(length => (long)length) != (long)header.Stride * header.Height)
        {
            throw new InvalidDataException("The renderer's TIFF strips do not hold exactly its pixels.");
        }

        return (header, new StripStream(file, [.. offsets.Zip(lengths, (offset, length) => ((long)offset, (long)length))]));
    }

    /// <summary>Reads numbers at file offsets in the file's byte order.</summary>
    private sealed class Reader(SafeFileHandle file)
    {
        public bool BigEndian { get; set; }

        public byte[] Bytes(long offset, int count)
        {
            var buffer = new byte[count];
            if (RandomAccess.Read(file, buffer, offset) != count)
            {
                throw new InvalidDataException("The renderer's TIFF ends early.");
            }

            return buffer;
        }

        public ushort UInt16(long offset)
        {
            var bytes = Bytes(offset, 2);
            return BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        }

        public uint UInt32(long offset)
        {
            var bytes = Bytes(offset, 4);
            return BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        }

        /// <summary>The SHORT or LONG values of the directory entry at <paramref name="entry"/>; other types give none.</summary>
        public uint[] Values(long entry)
        {
            var type = UInt16(entry + 2);
            var count = UInt32(entry + 4);
            var size = type switch { 3 => 2, 4 => 4, _ => 0 };
            if (size == 0 || count > int.MaxValue / 4)
            {
                return [];
            }

            // Values that fit in four bytes sit in the entry itself; larger ones where it points.
            var at = size * count <= 4 ? entry + 8 : UInt32(entry + 8);
            var values = new uint[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = size == 2 ? UInt16(at + (2L * i)) : UInt32(at + (4L * i));
            }

            return values;
        }
    }

    /// <summary>A read-only stream over the strips, one after the other.</summary>
    private sealed class StripStream(SafeFileHandle file, (long Offset, long Length)[] strips) : Stream
    {
        private int _strip;
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            if (!Next(buffer.Length, out var offset, out var take))
            {
                return 0;
            }

            return Advance(RandomAccess.Read(file, buffer[..take], offset));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Next(buffer.Length, out var offset, out var take))
            {
                return 0;
            }

            return Advance(await RandomAccess.ReadAsync(file, buffer[..take], offset, cancellationToken));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>Where the next read starts and how much of <paramref name="wanted"/> its strip still holds.</summary>
        private bool Next(int wanted, out long offset, out int take)
        {
            while (_strip < strips.Length && _read == strips[_strip].Length)
            {
                (_strip, _read) = (_strip + 1, 0);
            }

            if (_strip == strips.Length || wanted == 0)
            {
                (offset, take) = (0, 0);
                return false;
            }

            offset = strips[_strip].Offset + _read;
            take = (int)Math.Min(wanted, strips[_strip].Length - _read);
            return true;
        }

        private int Advance(int read)
        {
            if (read == 0)
            {
                throw new InvalidDataException("The renderer's TIFF ends inside its pixels.");
            }

            _read += read;
            return read;
        }
    }
}
