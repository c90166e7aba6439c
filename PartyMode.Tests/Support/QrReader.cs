using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace PartyMode.Tests.Support;

/// <summary>Reads QR codes off a rendered terminal the way a phone camera does (no retry with inverted colours).</summary>
internal static class QrReader
{
    /// <summary>The text of the QR code in <paramref name="consoleText"/> as a terminal with <paramref name="theme"/> shows it, or null.</summary>
    public static string? Decode(string consoleText, TerminalScreen.Theme theme)
    {
        var (pixels, width, height) = TerminalScreen.Render(consoleText, theme);
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        try
        {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
        }
        catch (ReaderException)
        {
            return null;
        }
    }
}
