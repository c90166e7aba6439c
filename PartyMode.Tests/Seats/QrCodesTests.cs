using PartyMode.Cli.Seats;
using PartyMode.Tests.Support;
using QRCoder;

namespace PartyMode.Tests.Seats;

/// <summary>The terminal QR codes, decoded off a dark and a light terminal as a phone would read them.</summary>
public sealed class QrCodesTests
{
    private const string Url = "http://192.168.1.20:8080/play?token=0123456789abcdefghijABCDEFGHIJ-_";

    [TestCase("dark")]
    [TestCase("light")]
    public void RenderTerminal_OnTheTheme_DecodesToTheUrl(string theme)
    {
        var text = QrCodes.RenderTerminal(Url);

        Assert.That(QrReader.Decode(text, TerminalScreen.Theme.Named(theme)), Is.EqualTo(Url));
    }

    [Test]
    public void RenderTerminal_EveryLine_EndsInTheTerminalsOwnColours()
    {
        var lines = QrCodes.RenderTerminal(Url).TrimEnd('\n').Split('\n');

        Assert.That(lines, Is.All.EndWith("\u001b[0m"));
        // Two modules a row with a quiet zone: a join link's code stays short enough for a 24-line terminal.
        Assert.That(lines, Has.Length.LessThanOrEqualTo(21));
    }

    [Test]
    public void TerminalScreen_CodeInTheTerminalsOwnColours_DoesNotDecodeOnALightTheme()
    {
        // The layout the banner used to print: dark modules as spaces, relying on a dark background.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Url, QRCodeGenerator.ECCLevel.L);
        var m = data.ModuleMatrix;
        var text = new System.Text.StringBuilder();
        for (var y = 0; y < m.Count; y += 2)
        {
            for (var x = 0; x < m.Count; x++)
            {
                var bottom = y + 1 < m.Count && m[y + 1][x];
                text.Append((m[y][x], bottom) switch { (true, true) => ' ', (true, false) => '▄', (false, true) => '▀', _ => '█' });
            }

            text.Append('\n');
        }

        Assert.That(QrReader.Decode(text.ToString(), TerminalScreen.Theme.Dark), Is.EqualTo(Url), "the harness reads it where it works");
        Assert.That(QrReader.Decode(text.ToString(), TerminalScreen.Theme.Light), Is.Null, "and fails where a phone fails");
    }
}
