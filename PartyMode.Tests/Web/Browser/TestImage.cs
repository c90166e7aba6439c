using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PartyMode.Tests.Web.Browser;

/// <summary>Small real images for handout tests: a parchment "map" with a grid and a river, in a colour of the test's choice.</summary>
internal static class TestImage
{
    /// <summary>A GIF of <paramref name="width"/>×<paramref name="height"/> whose dominant colour is (r, g, b).</summary>
    /// <remarks>LZW codes are all literals at 9 bits, with a clear code every 250 pixels (so the code size never grows).</remarks>
    public static byte[] Gif(int width, int height, byte r = 214, byte g = 190, byte b = 140)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        Span<byte> word = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(word, (ushort)width);
        gif.Write(word);
        BinaryPrimitives.WriteUInt16LittleEndian(word, (ushort)height);
        gif.Write(word);
        gif.Write([0xF7, 0, 0]); // a global table of 256 colours
        var palette = new byte[256 * 3];
        byte[] colours = [r, g, b, (byte)(r / 2), (byte)(g / 2), (byte)(b / 2), 60, 110, 180];
        colours.CopyTo(palette, 0);
        gif.Write(palette);
        gif.WriteByte(0x2C);
        gif.Write([0, 0, 0, 0]);
        BinaryPrimitives.WriteUInt16LittleEndian(word, (ushort)width);
        gif.Write(word);
        BinaryPrimitives.WriteUInt16LittleEndian(word, (ushort)height);
        gif.Write(word);
        gif.WriteByte(0);
        gif.WriteByte(8); // LZW minimum code size

        var codes = new MemoryStream();
        var acc = 0;
        var bits = 0;
        void Code(int c)
        {
            acc |= c << bits;
            bits += 9;
            while (bits >= 8)
            {
                codes.WriteByte((byte)(acc & 0xFF));
                acc >>= 8;
                bits -= 8;
            }
        }

        var run = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (run++ % 250 == 0)
                {
                    Code(256);
                }

                Code(Pixel(x, y, height));
            }
        }

        Code(257);
        if (bits > 0)
        {
            codes.WriteByte((byte)(acc & 0xFF));
        }

        var data = codes.ToArray();
        for (var i = 0; i < data.Length; i += 255)
        {
            var n = Math.Min(255, data.Length - i);
            gif.WriteByte((byte)n);
            gif.Write(data, i, n);
        }

        gif.WriteByte(0);
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>An RGB PNG of <paramref name="width"/>×<paramref name="height"/> whose dominant colour is (r, g, b).</summary>
    public static byte[] Png(int width, int height, byte r = 214, byte g = 190, byte b = 140)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        var i = 0;
        for (var y = 0; y < height; y++)
        {
            raw[i++] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var p = Pixel(x, y, height);
                (byte pr, byte pg, byte pb) = p == 2 ? ((byte)60, (byte)110, (byte)180) : p == 1 ? ((byte)(r / 2), (byte)(g / 2), (byte)(b / 2)) : (r, g, b);
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

    /// <summary>0: parchment, 1: the grid, 2: the river.</summary>
    private static int Pixel(int x, int y, int height)
    {
        if (Math.Abs(y - (height / 2) - (int)(height / 6.0 * Math.Sin(x / 37.0))) < 6)
        {
            return 2;
        }

        return x % 40 == 0 || y % 40 == 0 ? 1 : 0;
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
