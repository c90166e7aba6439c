using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PartyMode.Tests.Web.Browser;

/// <summary>Small real PNG files for handout tests: a parchment "map" with a grid and a river, in a colour of the test's choice.</summary>
internal static class TestPng
{
    /// <summary>An RGB PNG of <paramref name="width"/>×<paramref name="height"/> whose dominant colour is (r, g, b).</summary>
    public static byte[] Map(int width, int height, byte r = 214, byte g = 190, byte b = 140)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        var i = 0;
        for (var y = 0; y < height; y++)
        {
            raw[i++] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var grid = x % 40 == 0 || y % 40 == 0;
                var river = Math.Abs(y - (height / 2) - (int)(height / 6.0 * Math.Sin(x / 37.0))) < 6;
                (byte pr, byte pg, byte pb) = river ? ((byte)60, (byte)110, (byte)180) : grid ? ((byte)(r / 2), (byte)(g / 2), (byte)(b / 2)) : (r, g, b);
                raw[i++] = pr;
                raw[i++] = pg;
                raw[i++] = pb;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: RGB
        Chunk(png, "IHDR", header);
        using (var deflated = new MemoryStream())
        {
            using (var z = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
            {
                z.Write(raw);
            }

            Chunk(png, "IDAT", deflated.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typed));
        s.Write(len);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var v in bytes)
        {
            crc ^= v;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
