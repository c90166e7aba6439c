using System.Text;
using QRCoder;

namespace PartyMode.Cli.Seats;

/// <summary>Join QR codes for the terminal and as PNG files.</summary>
internal static class QrCodes
{
    /// <summary>
    /// Light modules around the code: phones need a light margin even where the terminal around it is dark.
    /// Two, not the standard four: phone readers take two, and the code then fits a 24-line terminal with its caption.
    /// </summary>
    public const int QuietZone = 2;

    // QRCoder's matrix already carries the standard four-module quiet zone.
    private const int GeneratedQuietZone = 4;

    // xterm-256 palette entries 16 (#000000) and 231 (#ffffff): fixed cube colours, which themes leave alone,
    // unlike the 16 basic colours (a theme's "white" can be grey or, in a light theme, dark).
    private const string Black = "16";
    private const string White = "231";

    /// <summary>
    /// A QR code drawn with half blocks (two modules per character row) in explicit black on white, so it scans
    /// the same on a dark and on a light terminal; each line ends by restoring the terminal's own colours.
    /// </summary>
    public static string RenderTerminal(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.L);
        var modules = data.ModuleMatrix;
        var skip = GeneratedQuietZone - QuietZone;
        var full = modules.Count - (2 * skip);
        bool Dark(int y, int x) => modules[y + skip][x + skip];

        var sb = new StringBuilder();
        for (var y = 0; y < full; y += 2)
        {
            string? fg = null, bg = null;
            for (var x = 0; x < full; x++)
            {
                var top = Dark(y, x) ? Black : White;
                var bottom = y + 1 < full && Dark(y + 1, x) ? Black : White;
                // A uniform cell is a space in its background colour, which also fills any gap a font leaves between lines.
                var wantFg = top == bottom ? fg ?? Black : top;
                if (wantFg != fg || bottom != bg)
                {
                    sb.Append("\u001b[38;5;").Append(wantFg).Append(";48;5;").Append(bottom).Append('m');
                    fg = wantFg;
                    bg = bottom;
                }

                sb.Append(top == bottom ? ' ' : '▀');
            }

            sb.Append("\u001b[0m\n");
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
