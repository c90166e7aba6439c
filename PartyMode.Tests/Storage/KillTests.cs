using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Cli.Storage;
using PartyMode.Engine.Actions;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Storage;

/// <summary>The real daemon process under HTTP load, killed with SIGKILL: nothing it acknowledged is lost.</summary>
public sealed class KillTests
{
    [Test]
    public async Task Sigkill_UnderHttpLoad_EveryAcknowledgedActionSurvivesWithItsStatus()
    {
        using var folder = new TempFolder();
        var daemon = await DaemonProcess.StartAsync(folder.Path);
        var acknowledged = new ConcurrentDictionary<string, string>();
        var tokens = new Dictionary<string, string>();
        using (var dm = daemon.Client(daemon.DmToken))
        {
            var seats = await dm.GetFromJsonAsync<JsonElement>("/api/dm/seats");
            foreach (var s in seats.GetProperty("seats").EnumerateArray())
            {
                tokens[s.GetProperty("seat").GetString()!] = s.GetProperty("token").GetString()!;
            }
        }

        using var stop = new CancellationTokenSource();
        var writers = TestServer.Players.Select(p => Task.Run(async () =>
        {
            using var client = daemon.Client(tokens[p]);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/actions", new { text = $"{p}-{i}" });
                    if ((int)response.StatusCode == 202)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        acknowledged[body.GetProperty("action").GetProperty("id").GetString()!] = "pending";
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
                catch (TaskCanceledException)
                {
                    return;
                }
            }
        })).ToList();
        var resolver = Task.Run(async () =>
        {
            using var client = daemon.Client(daemon.DmToken);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var next = await client.PostAsync("/api/dm/actions/next", null);
                    if ((int)next.StatusCode != 200)
                    {
                        continue;
                    }

                    var id = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("action").GetProperty("id").GetString()!;
                    acknowledged[id] = "processing";
                    var resolved = await client.PostAsJsonAsync($"/api/dm/actions/{id}/resolve", new { narrative = "ok " + id });
                    if ((int)resolved.StatusCode == 200)
                    {
                        acknowledged[id] = "resolved";
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
                catch (TaskCanceledException)
                {
                    return;
                }
            }
        });

        await Poll.UntilAsync(() => acknowledged.Count >= 300 && acknowledged.Values.Count(v => v == "resolved") >= 20, "load to build up", TimeSpan.FromSeconds(60));
        daemon.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(writers.Append(resolver));
        await daemon.DisposeAsync();

        var snapshot = acknowledged.ToDictionary();
        using var store = new LiteDbGameStore(Path.Combine(folder.Path, "party.db"), Serilog.Core.Logger.None);
        var stored = store.Load()!.Actions.ToDictionary(a => a.Id);
        var missing = snapshot.Keys.Where(id => !stored.ContainsKey(id)).ToList();
        var regressed = snapshot.Where(kv => stored.TryGetValue(kv.Key, out var a) && Rank(a.Status) < Rank(kv.Value)).ToList();
        TestContext.Out.WriteLine($"{snapshot.Count} acknowledged, {stored.Count} stored, {snapshot.Values.Count(v => v == "resolved")} resolved before the kill");
        Assert.That(missing, Is.Empty, "acknowledged actions missing after SIGKILL");
        Assert.That(regressed, Is.Empty, "acknowledged statuses lost after SIGKILL");
    }

    [Test]
    public async Task Restart_AfterSigkill_ServesSameTokensAndHistory()
    {
        using var folder = new TempFolder();
        string thorin;
        await using (var daemon = await DaemonProcess.StartAsync(folder.Path))
        {
            using var dm = daemon.Client(daemon.DmToken);
            var seats = await dm.GetFromJsonAsync<JsonElement>("/api/dm/seats");
            thorin = seats.GetProperty("seats")[0].GetProperty("token").GetString()!;
            using var player = daemon.Client(thorin);
            Assert.That((int)(await player.PostAsJsonAsync("/api/actions", new { text = "before the crash" })).StatusCode, Is.EqualTo(202));
            daemon.Kill();
        }

        await using var restarted = await DaemonProcess.StartAsync(folder.Path);
        using var again = restarted.Client(thorin);
        var events = await again.GetStringAsync("/api/events?after=0");
        Assert.That(events, Does.Contain("before the crash"));
        Assert.That(restarted.Output, Does.Contain("Continuing the stored game"));
    }

    private static int Rank(ActionStatus status) => status switch
    {
        ActionStatus.Pending => 0,
        ActionStatus.Processing => 1,
        _ => 2,
    };

    private static int Rank(string status) => status switch
    {
        "pending" => 0,
        "processing" => 1,
        _ => 2,
    };
}
