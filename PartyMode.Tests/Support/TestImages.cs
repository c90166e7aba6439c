using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PartyMode.Tests.Support;

/// <summary>Small images of each handout format, and files that pretend to be one.</summary>
internal static class TestImages
{
    /// <summary>A real PNG (RGB, one colour) that a browser can draw.</summary>
    public static byte[] Png(int width, int height, byte r = 200, byte g = 60, byte b = 40)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(ms, "IHDR", ihdr);
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = y * (1 + width * 3) + 1 + x * 3;
                raw[i] = r;
                raw[i + 1] = g;
                raw[i + 2] = b;
            }
        }

        using (var z = new MemoryStream())
        {
            using (var zlib = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(ms, "IDAT", z.ToArray());
        }

        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    /// <summary>A GIF header and logical screen (enough for the size check).</summary>
    public static byte[] Gif(int width, int height)
    {
        var d = new byte[32];
        "GIF89a"u8.CopyTo(d);
        BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(8), (ushort)height);
        return d;
    }

    /// <summary>A JPEG start: SOI, an APP0 segment, then SOF0 with the size.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);
        ms.Write("JFIF\0"u8);
        ms.Write([1, 1, 0, 0, 1, 0, 1, 0, 0]);
        ms.Write([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3]);
        ms.Write(new byte[9]);
        ms.Write([0xFF, 0xD9]);
        return ms.ToArray();
    }

    /// <summary>A lossless WebP header (VP8L) with the size.</summary>
    public static byte[] WebP(int width, int height)
    {
        var d = new byte[40];
        "RIFF"u8.CopyTo(d);
        BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(4), d.Length - 8);
        "WEBPVP8L"u8.CopyTo(d.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(16), 20);
        d[20] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(21), (uint)((width - 1) | ((height - 1) << 14)));
        return d;
    }

    /// <summary>An SVG with a script: what a hostile upload looks like.</summary>
    public static byte[] Svg() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>fetch('/api/dm/seats')</script></svg>");

    /// <summary>An HTML page.</summary>
    public static byte[] Html() => Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        Span<byte> sum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, Crc32([.. typeBytes, .. data]));
        s.Write(sum);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
