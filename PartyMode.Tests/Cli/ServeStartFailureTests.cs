using System.Net;
using System.Net.Sockets;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Cli;

/// <summary>
/// <c>serve</c> that cannot start: one sentence saying what to do, no stack trace, and the data folder left
/// as it was, so the next <c>serve --campaign</c> on it starts that campaign.
/// </summary>
public sealed class ServeStartFailureTests
{
    private const string Mine = """{"id":"mine","name":"Mine","characters":[{"id":"ann","name":"Ann","hp":5,"max_hp":5}]}""";

    [Test]
    public async Task Serve_AddressNotOnThisMachine_OneSentenceAndTheNextCampaignStarts()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");

        var (code, _, error) = await CliProcess.RunAsync("serve", "--bind", "192.0.2.1", "--port", "0", "--data", data);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.Contain("no address 192.0.2.1").And.Contain("--bind 0.0.0.0").And.Not.Contain("   at "));
        await AssertNextCampaignStartsAsync(temp.Path, data);
    }

    [Test]
    public async Task Serve_PortInUse_OneSentenceAndTheNextCampaignStarts()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (code, _, error) = await CliProcess.RunAsync("serve", "--bind", "127.0.0.1", "--port", port, "--data", data);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo($"Port {port} is already in use: pass another one with --port, or stop what uses it."));
        await AssertNextCampaignStartsAsync(temp.Path, data);
    }

    [Test]
    public async Task Serve_DataFolderThatCannotBeMade_OneSentenceNamingTheFolderAndTheFix()
    {
        var (code, output, error) = await CliProcess.RunAsync("serve", "--data", "/proc/partymode-nope", "--port", "0");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.Contain("/proc/partymode-nope").And.Contain("pass --data").And.Not.Contain("   at ").And.Not.Contain("Unhandled"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task Serve_ClientsDroppingBeforeAuth_LeaveNoErrorAndNoTraceInConsoleOrLog()
    {
        using var temp = new TempFolder();
        await using (var daemon = await DaemonProcess.StartAsync(temp.Path))
        {
            var uri = new Uri(daemon.Url);
            foreach (var drop in new[] { DropStep.BeforeResponse, DropStep.AfterResponse, DropStep.MidFrame, DropStep.AfterBadToken, DropStep.Reset })
            {
                await DropAsync(uri, drop);
            }

            // A last client goes all the way, so every drop before it has been handled and logged.
            var player = new SimulatedPlayer("thorin", "not-a-token", () => new Uri(daemon.Url.Replace("http", "ws", StringComparison.Ordinal) + "/ws"));
            await player.ConnectAsync(waitForWelcome: false);
            await Poll.UntilAsync(() => player.CloseCode == 4401, "the last client's 4401");
            await player.DisposeAsync();
            using var dm = daemon.Client(daemon.DmToken);
            await dm.PostAsync("/api/dm/shutdown", null);
            Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
            Assert.That(daemon.Errors, Does.Not.Contain("   at ").And.Not.Contain(" ERR ").And.Not.Contain(" WRN "));
        }

        var logs = string.Join("\n", Directory.GetFiles(Path.Combine(temp.Path, "logs")).Select(File.ReadAllText));
        Assert.That(logs, Does.Contain("Stopped"), "the log file was read after the stop");
        Assert.That(logs, Does.Not.Contain("   at ").And.Not.Contain("[ERR]").And.Not.Contain("[FTL]"));
    }

    private enum DropStep
    {
        BeforeResponse,
        AfterResponse,
        MidFrame,
        AfterBadToken,
        Reset,
    }

    private static async Task DropAsync(Uri uri, DropStep step)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var request = $"GET /ws HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        if (step == DropStep.BeforeResponse)
        {
            return;
        }

        var buffer = new byte[4096];
        var read = 0;
        while (!System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            read += await stream.ReadAsync(buffer.AsMemory(read));
        }

        var frame = MaskedTextFrame("""{"type":"auth","token":"nope"}""");
        switch (step)
        {
            case DropStep.MidFrame:
                await stream.WriteAsync(frame.AsMemory(0, 5));
                break;
            case DropStep.AfterBadToken:
                await stream.WriteAsync(frame);
                break;
            case DropStep.Reset:
                client.LingerState = new LingerOption(true, 0);
                break;
            default:
                break;
        }
    }

    private static byte[] MaskedTextFrame(string text)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(text);
        var mask = new byte[] { 1, 2, 3, 4 };
        var frame = new byte[6 + payload.Length];
        frame[0] = 0x81;
        frame[1] = (byte)(0x80 | payload.Length);
        mask.CopyTo(frame, 2);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }

        return frame;
    }

    private static async Task AssertNextCampaignStartsAsync(string temp, string data)
    {
        Assert.That(File.Exists(Path.Combine(data, "party.db")), Is.False, "the failed start stored no game");
        var campaign = Path.Combine(temp, "mine.json");
        await File.WriteAllTextAsync(campaign, Mine);
        await using var daemon = await DaemonProcess.StartAsync(data, "--campaign", campaign);
        using var dm = daemon.Client(daemon.DmToken);
        Assert.That(await dm.GetStringAsync("/api/dm/seats"), Does.Contain("\"ann\""));
        Assert.That(daemon.Output, Does.Contain("New game"));
    }
}
