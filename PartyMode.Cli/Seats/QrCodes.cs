using QRCoder;

namespace PartyMode.Cli.Seats;

/// <summary>Join QR codes for the terminal and as PNG files.</summary>
internal static class QrCodes
{
    /// <summary>A QR code drawn with half-block characters (two modules per character row).</summary>
    public static string RenderTerminal(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.L);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var sb = new System.Text.StringBuilder();
        for (var y = 0; y < size; y += 2)
        {
            for (var x = 0; x < size; x++)
            {
                var top = modules[y][x];
                var bottom = y + 1 < size && modules[y + 1][x];
                // Dark modules print as spaces on a light background, so the code scans on dark terminals too.
                sb.Append((top, bottom) switch
                {
                    (true, true) => ' ',
                    (true, false) => '▄',
                    (false, true) => '▀',
                    _ => '█',
                });
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The QR code as a PNG image.</summary>
    public static byte[] RenderPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
