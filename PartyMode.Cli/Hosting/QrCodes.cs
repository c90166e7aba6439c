using QRCoder;

namespace PartyMode.Cli.Hosting;

/// <summary>Join-link QR codes: drawn in a terminal with half-block characters, or as PNG bytes.</summary>
internal static class QrCodes
{
    /// <summary>The QR code of <paramref name="url"/> as text lines for a terminal (dark modules on a light quiet zone).</summary>
    public static string RenderTerminal(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.L);
        using var ascii = new AsciiQRCode(data);
        // Inverted so dark modules print as spaces on a light block background, which most terminals scan best.
        return ascii.GetGraphicSmall(drawQuietZones: true, invert: true, endOfLine: "\n");
    }

    /// <summary>The QR code of <paramref name="url"/> as a PNG image.</summary>
    public static byte[] RenderPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(8);
    }
}
