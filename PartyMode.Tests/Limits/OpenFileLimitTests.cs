using System.Net.Sockets;
using System.Net.WebSockets;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Limits;

/// <summary>
/// The daemon as a real process under a lowered open-file limit: a flood of observer sockets and bare
/// TCP connections from the network must not take the table down (before the caps, it died with
/// "Out of memory." once the sockets used up the file limit).
/// </summary>
[NonParallelizable]
[Platform("Linux")]
public sealed class OpenFileLimitTests
{
    private const int FileLimit = 512;

    [Test]
    public async Task Flood_PastTheOpenFileLimit_DaemonLivesServesTheTableAndRecovers()
    {
        using var folder = new TempFolder();
        await using var daemon = await DaemonProcess.StartUnderAsync(["prlimit", $"--nofile={FileLimit}:{FileLimit}", "--"], folder.Path);
        var tokens = await SeatTokensAsync(daemon);
        var port = new Uri(daemon.Url).Port;
        var ws = new Uri($"ws://127.0.0.1:{port}/ws");
        await using var player = new SimulatedPlayer("thorin", tokens["thorin"], () => ws) { From = LoopbackFrom.Address(200) };
        await player.ConnectAsync();

        var screens = new List<SimulatedPlayer>();
        var bare = new List<TcpClient>();
        try
        {
            // One address opens more observer screens than its cap: the extra ones are closed with 1013.
            for (var i = 0; i < 20; i++)
            {
                var screen = new SimulatedPlayer("observer", tokens["observer"], () => ws) { From = LoopbackFrom.Address(2) };
                screens.Add(screen);
                await screen.ConnectAsync(waitForWelcome: false);
            }

            await Poll.UntilAsync(() => screens.All(s => s.CloseCode is not null || s.OfType("welcome").Any()), "every screen to be let in or closed");
            Assert.That(screens.Count(s => s.CloseCode == 1013), Is.EqualTo(4), "16 screens per address, the rest closed with 1013");

            // Then screens from 24 more addresses and bare TCP connections from 50 more: together far
            // more than the file limit allows.
            for (var i = 0; i < 24 * 12; i++)
            {
                var screen = new SimulatedPlayer("observer", tokens["observer"], () => ws) { From = LoopbackFrom.Address(3 + (i % 24)) };
                screens.Add(screen);
                await ConnectQuietlyAsync(screen);
            }

            for (var i = 0; i < FileLimit; i++)
            {
                var client = await TryTcpAsync(LoopbackFrom.Address(100 + (i % 50)), port);
                if (client is not null)
                {
                    bare.Add(client);
                }
            }

            Assert.That(daemon.HasExited, Is.False, "the daemon survived the flood");
            await Poll.UntilAsync(async () =>
            {
                var probe = await TryTcpAsync(LoopbackFrom.Address(99), port);
                using (probe)
                {
                    return probe is not null && (await LoopbackFrom.GetAsync(probe, "/healthz")).StartsWith("HTTP/1.1 503", StringComparison.Ordinal);
                }
            }, "a newcomer from the network to be answered 503 while the daemon is full");

            // The DM on its own machine still runs the game, and the seated player is still served.
            using (var dm = daemon.Client(daemon.DmToken))
            {
                var narrate = await dm.PostAsync("/api/dm/narrate", Json("{\"narrative\":\"The flood recedes.\"}"));
                Assert.That((int)narrate.StatusCode, Is.EqualTo(200));
            }

            await player.WaitForTextAsync("The flood recedes.");
            Assert.That(player.IsOpen, Is.True);
        }
        finally
        {
            bare.ForEach(c => c.Dispose());
            foreach (var s in screens)
            {
                await s.DisposeAsync();
            }
        }

        // Once the flood has gone, a newcomer from the network is served again.
        await Poll.UntilAsync(async () =>
        {
            var client = await TryTcpAsync(LoopbackFrom.Address(250), port);
            using (client)
            {
                return client is not null && (await LoopbackFrom.GetAsync(client, "/healthz")).StartsWith("HTTP/1.1 200", StringComparison.Ordinal);
            }
        }, "a new connection to be served after the flood", TimeSpan.FromSeconds(60));
        await using var late = new SimulatedPlayer("observer", tokens["observer"], () => ws) { From = LoopbackFrom.Address(251) };
        await late.ConnectAsync();

        Assert.That(daemon.HasExited, Is.False);
        var log = "";
        await Poll.UntilAsync(() =>
        {
            log = string.Join("\n", Directory.GetFiles(Path.Combine(folder.Path, "logs")).Select(ReadShared));
            return log.Contains("Connection refused", StringComparison.Ordinal);
        }, "the refusals to be logged");
        Assert.That(CountOf(log, "Connection refused:"), Is.LessThanOrEqualTo(2), "once a minute per kind, not once per connection");
        Assert.That(log + daemon.Output, Does.Not.Contain("Out of memory").And.Not.Contain("Too many open files"));
    }

    private static async Task<Dictionary<string, string>> SeatTokensAsync(DaemonProcess daemon)
    {
        using var dm = daemon.Client(daemon.DmToken);
        using var doc = System.Text.Json.JsonDocument.Parse(await dm.GetStringAsync("/api/dm/seats"));
        return doc.RootElement.GetProperty("seats").EnumerateArray()
            .ToDictionary(s => s.GetProperty("seat").GetString()!, s => s.GetProperty("token").GetString()!);
    }

    private static async Task ConnectQuietlyAsync(SimulatedPlayer screen)
    {
        try
        {
            await screen.ConnectAsync(waitForWelcome: false);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            // Refused with 503 before the upgrade: the cap at work.
        }
    }

    private static async Task<TcpClient?> TryTcpAsync(System.Net.IPAddress from, int port)
    {
        try
        {
            return await LoopbackFrom.TcpAsync(from, port);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
