using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>
/// The permission boundary for <c>edit</c> and <c>retract</c> (docs/protocol.md §3.7.19): each edit's marker, and
/// each retraction, reaches exactly the audience of the message it changes, through live frames, replay after a
/// reconnect (with and without last_seq), <c>/api/events</c>, the DM's <c>as=</c> view and the story export.
/// </summary>
[Category("E2E")]
public sealed partial class EditVisibilityTests
{
    private static readonly string[] Seats = [.. TestServer.Players, "observer", "dm"];

    [Test]
    public async Task Edits_EveryAudience_EachMarkerAndRetractionReachesExactlyTheOriginalsAudience()
    {
        await using var table = await Table.OpenAsync();
        var s = table.Server;
        var players = TestServer.Players;
        var originals = new Dictionary<string, (long Seq, string[] Seats)>(StringComparer.Ordinal)
        {
            ["[EDIT-PUB]"] = (await SeqOfAsync(s, "/api/dm/narrate", new { narrative = "[ORIG-PUB] the bridge" }), Seats),
            ["[EDIT-PARTY]"] = (await SeqOfAsync(s, "/api/dm/narrate", new { narrative = "[ORIG-PARTY] psst", audience = "party" }), [.. players, "dm"]),
            ["[EDIT-WHISPER-THORIN]"] = (await SeqOfAsync(s, "/api/dm/whisper", new { to = new[] { "thorin" }, text = "[ORIG-WHISPER] a voice" }), ["thorin", "dm"]),
            ["[EDIT-NOTE]"] = (await SeqOfAsync(s, "/api/dm/narrate", new { dm_only = "[ORIG-NOTE] ambush ready" }), ["dm"]),
            ["[EDIT-ELARA-GORM]"] = (await SeqOfAsync(s, "/api/dm/narrate", new { narrative = "[ORIG-EG] you two", audience = new[] { "elara", "gorm" } }), ["elara", "gorm", "dm"]),
        };
        var action = (await s.SubmitAsync("vex", "I check the chest")).GetProperty("id").GetString()!;
        var resolved = await s.DmPostAsync($"/api/dm/actions/{action}/resolve", new { narrative = "[ORIG-RES] it opens", @private = new Dictionary<string, string> { ["gorm"] = "[ORIG-PRIV-GORM] a glint" } });
        originals["[EDIT-PRIV-GORM]"] = (resolved.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "private").GetProperty("seq").GetInt64(), ["gorm", "dm"]);
        originals["[EDIT-ROLL-VEX]"] = ((await s.DmPostAsync("/api/dm/roll", new { expr = "1d20", visibility = "private", @for = "vex", label = "[ORIG-ROLL-VEX]" })).GetProperty("roll").GetProperty("seq").GetInt64(), ["vex", "dm"]);
        originals["[EDIT-ROLL-DM]"] = ((await s.DmPostAsync("/api/dm/roll", new { expr = "1d20", visibility = "dm", label = "[ORIG-ROLL-DM]" })).GetProperty("roll").GetProperty("seq").GetInt64(), ["dm"]);
        var retracted = new Dictionary<long, string[]>
        {
            [await SeqOfAsync(s, "/api/dm/whisper", new { to = new[] { "elara" }, text = "[GONE-ELARA] wrong player" })] = ["elara", "dm"],
            [await SeqOfAsync(s, "/api/dm/narrate", new { narrative = "[GONE-PUB] a typo" })] = Seats,
            [await SeqOfAsync(s, "/api/dm/narrate", new { dm_only = "[GONE-NOTE] scrap that" })] = ["dm"],
        };

        foreach (var (marker, (seq, _)) in originals)
        {
            var edit = (await s.DmPostAsync($"/api/dm/events/{seq}/edit", new { text = marker + " fixed" })).GetProperty("events")[0];
            Assert.That((edit.GetProperty("type").GetString(), edit.GetProperty("ref").GetInt64()), Is.EqualTo(("edit", seq)));
        }

        // Replay channel: Thorin comes back with last_seq 0 (everything), Gorm with none (the newest 100).
        await table.Players["thorin"].DisconnectAsync();
        await table.Players["gorm"].DisconnectAsync();
        foreach (var seq in retracted.Keys)
        {
            await s.DmPostAsync($"/api/dm/events/{seq}/retract");
        }

        await table.Players["thorin"].ConnectAsync(0);
        await table.Players["gorm"].ConnectAsync();
        await table.SettleAsync("[SETTLE-EDITS]");

        var violations = new List<string>();
        foreach (var viewer in table.Everyone)
        {
            var got = viewer.Frames.SelectMany(f => Marker().Matches(f.Raw).Select(m => m.Value)).ToHashSet();
            var retractsGot = viewer.Events.Where(f => f.Type == "retract").Select(f => f.Json.GetProperty("ref").GetInt64()).ToHashSet();
            Check(viewer.Seat, "frames", got, retractsGot, originals, retracted, violations);
        }

        foreach (var seat in Seats)
        {
            using var own = s.Client(seat);
            using var dm = s.Client("dm");
            foreach (var (channel, text) in new[]
            {
                ("/api/events", await own.GetStringAsync("/api/events?limit=1000")),
                ("/api/events?as", await dm.GetStringAsync($"/api/events?limit=1000&as={seat}")),
            })
            {
                var events = JsonDocument.Parse(text).RootElement.GetProperty("events").EnumerateArray().ToList();
                var got = Marker().Matches(text).Select(m => m.Value).ToHashSet();
                var retractsGot = events.Where(e => e.GetProperty("type").GetString() == "retract").Select(e => e.GetProperty("ref").GetInt64()).ToHashSet();
                Check(seat, channel, got, retractsGot, originals, retracted, violations);
            }

            foreach (var path in new[] { "/api/export", "/api/export?format=html" })
            {
                var book = await ExportAsync(s, seat, path);
                var viewedAs = await ExportAsync(s, "dm", path + (path.Contains('?') ? "&" : "?") + "as=" + seat);
                foreach (var (label, text) in new[] { ("export " + path, book), ("export as " + path, viewedAs) })
                {
                    foreach (var (marker, (_, who)) in originals)
                    {
                        var may = who.Contains(seat);
                        if (text.Contains(marker, StringComparison.Ordinal) != may)
                        {
                            violations.Add($"{seat} {(may ? "lacks" : "got")} {marker} via {label}");
                        }
                    }

                    // The book shows the edited text, never the original; a retracted message shows no text.
                    Assert.That(Regex.IsMatch(text, @"\[(ORIG-(PUB|PARTY|WHISPER|NOTE|EG|PRIV-GORM|ROLL-VEX|ROLL-DM))\]"), Is.False, $"{seat}: an edited original in {label}");
                    Assert.That(text, Does.Not.Contain("[GONE-"), $"{seat}: a retracted text in {label}");
                }

                Assert.That(book, Does.Contain("edited"), $"{seat}'s {path} marks edits");

                Assert.That(book, Does.Contain("retracted"), $"{seat}'s {path} marks the public retraction");
            }
        }

        Assert.That(violations, Is.Empty);
    }

    private static void Check(string seat, string channel, HashSet<string> got, HashSet<long> retractsGot,
        Dictionary<string, (long Seq, string[] Seats)> originals, Dictionary<long, string[]> retracted, List<string> violations)
    {
        foreach (var (marker, (_, who)) in originals)
        {
            var may = who.Contains(seat);
            if (got.Contains(marker) != may)
            {
                violations.Add($"{seat} {(may ? "lacks" : "got")} {marker} via {channel}");
            }
        }

        foreach (var (seq, who) in retracted)
        {
            var may = who.Contains(seat);
            if (retractsGot.Contains(seq) != may)
            {
                violations.Add($"{seat} {(may ? "lacks" : "got")} the retraction of {seq} via {channel}");
            }
        }

        var stray = retractsGot.Where(r => !retracted.ContainsKey(r)).ToList();
        if (stray.Count > 0)
        {
            violations.Add($"{seat} got retractions of {string.Join(",", stray)} via {channel}");
        }
    }

    private static async Task<long> SeqOfAsync(TestServer server, string path, object body) =>
        (await server.DmPostAsync(path, body)).GetProperty("events")[0].GetProperty("seq").GetInt64();

    private static async Task<string> ExportAsync(TestServer server, string seat, string path)
    {
        using var client = server.Client(seat);
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path} as {seat}: {text}");
        return text;
    }

    [GeneratedRegex(@"\[EDIT-[A-Z-]+\]")]
    private static partial Regex Marker();
}
