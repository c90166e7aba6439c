using System.Buffers.Binary;

namespace PartyMode.Cli.Handouts;

/// <summary>
/// Tells PNG, JPEG, WebP and GIF apart by their magic numbers and reads the pixel size from each format's
/// header (docs/protocol.md §9.1). Anything else (SVG, HTML, a renamed file) is not an image here: SVG
/// and HTML carry script, and the browser must never be handed bytes that are not what the type says.
/// </summary>
internal static class ImageSniffer
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string WebP = "image/webp";
    public const string Gif = "image/gif";

    /// <summary>The media types a handout may be.</summary>
    public static readonly IReadOnlyList<string> Types = [Png, Jpeg, WebP, Gif];

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Largest width or height accepted: bigger images are a decompression bomb for a phone.</summary>
    public const int MaxSide = 16384;

    /// <summary>The image the bytes are, or null when they are none of the four formats (or their header is broken).</summary>
    public static SniffedImage? Sniff(ReadOnlySpan<byte> data)
    {
        var image = data switch
        {
            _ when data.StartsWith(PngSignature) => ReadPng(data),
            _ when data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF => ReadJpeg(data),
            _ when data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8) => ReadGif(data),
            _ when data.Length >= 16 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8) => ReadWebP(data),
            _ => null,
        };
        return image is { Width: > 0 and <= MaxSide, Height: > 0 and <= MaxSide } ? image : null;
    }

    /// <summary>The file extension a type is stored and exported with.</summary>
    public static string ExtensionOf(string type) => type switch
    {
        Png => ".png",
        Jpeg => ".jpg",
        WebP => ".webp",
        _ => ".gif",
    };

    private static SniffedImage? ReadPng(ReadOnlySpan<byte> d)
    {
        // The first chunk is IHDR: length (4), "IHDR", width (4, big-endian), height (4).
        if (d.Length < 24 || !d[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return Sized(Png, BinaryPrimitives.ReadUInt32BigEndian(d[16..]), BinaryPrimitives.ReadUInt32BigEndian(d[20..]));
    }

    private static SniffedImage? ReadGif(ReadOnlySpan<byte> d) =>
        d.Length < 10 ? null : new SniffedImage(Gif, BinaryPrimitives.ReadUInt16LittleEndian(d[6..]), BinaryPrimitives.ReadUInt16LittleEndian(d[8..]));

    private static SniffedImage? ReadJpeg(ReadOnlySpan<byte> d)
    {
        // Walk the marker segments to the first start-of-frame (SOF0..SOF15, except DHT, JPG and DAC).
        var i = 2;
        while (i + 4 <= d.Length)
        {
            if (d[i] != 0xFF)
            {
                return null;
            }

            var marker = d[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]);
            if (length < 2)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                // Segment: length (2), precision (1), height (2), width (2).
                return i + 9 > d.Length ? null : new SniffedImage(Jpeg, BinaryPrimitives.ReadUInt16BigEndian(d[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(d[(i + 5)..]));
            }

            if (marker is 0xDA or 0xD9)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    private static SniffedImage? ReadWebP(ReadOnlySpan<byte> d)
    {
        if (d.Length < 30)
        {
            return null;
        }

        var chunk = d[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: canvas width − 1 and height − 1, 24 bits little-endian each, at 24 and 27.
            return new SniffedImage(WebP, 1 + (d[24] | d[25] << 8 | d[26] << 16), 1 + (d[27] | d[28] << 8 | d[29] << 16));
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then width − 1 and height − 1 in 14 bits each.
            if (d[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(d[21..]);
            return new SniffedImage(WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a key frame's start code 9D 01 2A at 23, then width and height in 14 bits each.
            if (d[23] != 0x9D || d[24] != 0x01 || d[25] != 0x2A)
            {
                return null;
            }

            return new SniffedImage(WebP, BinaryPrimitives.ReadUInt16LittleEndian(d[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(d[28..]) & 0x3FFF);
        }

        return null;
    }

    private static SniffedImage? Sized(string type, uint width, uint height) =>
        width > int.MaxValue || height > int.MaxValue ? null : new SniffedImage(type, (int)width, (int)height);
}
