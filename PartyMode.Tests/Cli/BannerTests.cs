using System.Text.RegularExpressions;
using PartyMode.Cli.Commands;
using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Cli;

/// <summary>The <c>serve</c> banner: one 80×24 screen, the DM link highlighted and last, QR codes one at a time.</summary>
public sealed partial class BannerTests
{
    // The longest LAN address a join link is likely to carry.
    private const string LongLan = "http://192.168.100.200:65535";

    // A fixed token key, so the codes decoded are always the same ones: ZXing's detector misses about one
    // QR code in sixty of this size however it is drawn (the same codes read fine as pure images). The game
    // is made first (a key without a game is a lost game), then started again under the fixed key.
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    internal static async Task<TestServer> StartWithFixedKeyAsync(string data, string? publicUrl = LongLan)
    {
        await (await TestServer.StartAsync(dataDirectory: data)).DisposeAsync();
        await File.WriteAllBytesAsync(Path.Combine(data, "token.key"), Key);
        return await TestServer.StartAsync(_ => new PartyServerOptions
        {
            DataDirectory = data,
            Port = 0,
            BindAddress = "127.0.0.1",
            PublicUrl = publicUrl,
        });
    }

    [Test]
    public async Task Print_DemoGame_FitsEightyByTwentyFourWithTheDmLinkHighlightedAndLast()
    {
        using var folder = new TempFolder();
        await using var server = await StartWithFixedKeyAsync(folder.Path);
        using var output = new StringWriter();

        await Banner.PrintAsync(server.Server, output);

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.LessThanOrEqualTo(24), output.ToString());
        Assert.That(lines.Select(Visible), Has.All.Length.LessThanOrEqualTo(80), output.ToString());
        Assert.That(lines[^1], Does.Contain("\u001b[1;4m" + server.Server.Links.JoinUrl("dm") + "\u001b[0m"));
        Assert.That(lines[^2], Does.Contain("Game Master"));
        foreach (var seat in TestServer.Players.Append("observer"))
        {
            Assert.That(lines.Count(l => l.Contains(LongLan + "/play?token=" + server.Token(seat), StringComparison.Ordinal)), Is.EqualTo(1), seat);
        }

        Assert.That(output.ToString(), Does.Contain("partymode token show SEAT").And.Contain("Stop: Ctrl+C"));
        Assert.That(output.ToString(), Does.Not.Contain("▀"), "no QR code until asked for one");
    }

    [Test]
    public async Task Print_KickedSeat_SaysHowToReadmitItInsteadOfALink()
    {
        using var folder = new TempFolder();
        await using var server = await StartWithFixedKeyAsync(folder.Path);
        await server.DmPostAsync("/api/dm/seats/vex/kick");
        using var output = new StringWriter();

        await Banner.PrintAsync(server.Server, output);

        Assert.That(output.ToString(), Does.Contain("partymode token refresh vex").And.Not.Contain("token=" + server.Token("vex")));
    }

    [TestCase("dark")]
    [TestCase("light")]
    public async Task PrintSeatCode_EverySeat_ScansOnTheThemeAndKeepsTheDmLinkLastOnOneScreen(string theme)
    {
        using var folder = new TempFolder();
        await using var server = await StartWithFixedKeyAsync(folder.Path);
        foreach (var seat in Banner.PlayerSeats(server.Server))
        {
            using var output = new StringWriter();

            await Banner.PrintSeatCodeAsync(server.Server, seat, output);

            var lines = output.ToString().TrimEnd('\n').Split('\n');
            Assert.That(lines, Has.Length.LessThanOrEqualTo(24), seat.Id);
            Assert.That(lines.Select(Visible), Has.All.Length.LessThanOrEqualTo(80), seat.Id);
            Assert.That(lines[0], Does.StartWith(seat.Name + " (" + seat.Id + ")"));
            Assert.That(lines[^1], Does.Contain(server.Server.Links.JoinUrl("dm")));
            Assert.That(QrReader.Decode(output.ToString(), TerminalScreen.Theme.Named(theme)), Is.EqualTo(server.Server.Links.JoinUrl(seat.Id)), seat.Id);
        }
    }

    [Test]
    public async Task Serve_SocketsAndMissingFiles_StayOutOfTheConsoleButReachTheLogFile()
    {
        using var folder = new TempFolder();
        await using var daemon = await DaemonProcess.StartAsync(folder.Path);
        using var dm = daemon.Client(daemon.DmToken);
        var token = (await dm.GetStringAsync("/api/dm/seats")).Split("\"token\":\"")[1].Split('"')[0];
        var player = new SimulatedPlayer("thorin", token, () => new Uri(daemon.Url.Replace("http", "ws", StringComparison.Ordinal) + "/ws"));
        await player.ConnectAsync();
        await player.DisposeAsync();
        using var anonymous = daemon.Client(null);
        await anonymous.GetAsync("/apple-touch-icon.png");

        await Poll.UntilAsync(() => LogFile(folder.Path).Contains("Socket closed", StringComparison.Ordinal) && LogFile(folder.Path).Contains("/apple-touch-icon.png", StringComparison.Ordinal), "the log file's socket and 404 lines");
        Assert.That(daemon.Errors, Does.Not.Contain("Socket open").And.Not.Contain("Socket closed").And.Not.Contain("apple-touch-icon"));
        Assert.That(daemon.Output, Does.Contain("Stop: Ctrl+C"));
    }

    private static string LogFile(string data)
    {
        try
        {
            return string.Concat(Directory.GetFiles(Path.Combine(data, "logs")).Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return new StreamReader(stream).ReadToEnd();
            }));
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string Visible(string line) => AnsiCodes().Replace(line, "");

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex AnsiCodes();
}
