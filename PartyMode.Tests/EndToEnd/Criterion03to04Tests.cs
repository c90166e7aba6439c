using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Seed criteria 3 and 4 and the fixture's secrets: nothing private leaks through any channel.</summary>
[Category("E2E")]
public sealed partial class Criterion03to04Tests
{
    private static readonly string[] Seats = [.. TestServer.Players, "observer", "dm"];

    [Test]
    public async Task C03_PermissionBoundary_HundredMixedActions_EveryMarkerReachesExactlyItsRecipients()
    {
        await using var table = await Table.OpenAsync();
        var random = new Random(2026);
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Expect(string marker, IEnumerable<string> seats) => allowed[marker] = [.. seats, "dm"];
        var everyone = Seats;
        var players = TestServer.Players;

        for (var i = 0; i < 100; i++)
        {
            var actor = players[random.Next(4)];
            var isPrivate = random.Next(4) == 0;
            var actMarker = $"[{(isPrivate ? "WHISPER" : "ACT")}-{i:000}]";
            Expect(actMarker, isPrivate ? [actor] : everyone);
            var action = await table.Server.SubmitAsync(actor, $"{actMarker} {actor} acts", isPrivate);
            var id = action.GetProperty("id").GetString()!;
            await table.Server.DmPostAsync("/api/dm/actions/next");
            var recipients = players.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToList();
            var privateParts = recipients.ToDictionary(p => p, p => $"[PRIV-{i:000}-{p}] only for {p}");
            foreach (var p in recipients)
            {
                Expect($"[PRIV-{i:000}-{p}]", [p]);
            }

            Expect($"[NARR-{i:000}]", everyone);
            Expect($"[NOTE-{i:000}]", []);
            await table.Server.DmPostAsync($"/api/dm/actions/{id}/resolve", new { narrative = $"[NARR-{i:000}] it happens", @private = privateParts, dm_only = $"[NOTE-{i:000}] dm eyes only" });

            if (i == 20)
            {
                // The living sheet: each player's own notes (owner and DM), and the DM's notes on them (DM only).
                foreach (var p in players)
                {
                    Expect($"[SHEET-{i:000}-{p}]", [p]);
                    Expect($"[DMNOTES-{i:000}-{p}]", []);
                    await SheetOpsAsync(table.Server, p, $"/api/characters/{p}/changes", new { op = "set", field = "notes", value = $"[SHEET-{i:000}-{p}] my notes" });
                    await SheetOpsAsync(table.Server, "dm", $"/api/dm/characters/{p}/changes", new { op = "set", field = "dm_notes", value = $"[DMNOTES-{i:000}-{p}] the DM's notes" });
                }
            }

            if (i == 70)
            {
                // One DM change of both kinds of notes: the owner's part and the DM's part part ways.
                Expect($"[SHEET-{i:000}-{actor}]", [actor]);
                Expect($"[DMNOTES-{i:000}-{actor}]", []);
                await SheetOpsAsync(table.Server, "dm", $"/api/dm/characters/{actor}/changes",
                    new { op = "set", field = "dm_notes", value = $"[DMNOTES-{i:000}-{actor}] more" }, new { op = "set", field = "notes", value = $"[SHEET-{i:000}-{actor}] written by the DM" });
            }

            if (i == 40)
            {
                // Replay channel: Elara drops and comes back with last_seq; Gorm comes back without it.
                var elara = table.Players["elara"];
                await table.SettleAsync("[SETTLE-A]");
                var seq = elara.LastSeq;
                await elara.DisconnectAsync();
                await table.Players["gorm"].DisconnectAsync();
                await table.Server.DmPostAsync("/api/dm/narrate", new { narrative = "[GAP]" });
                await elara.ConnectAsync(seq);
                await table.Players["gorm"].ConnectAsync();
            }
        }

        Expect("[GAP]", everyone);
        await table.SettleAsync("[SETTLE-END]");

        var frames = 0;
        var bodies = 0;
        var violations = new List<string>();
        void Check(string seat, string channel, string text)
        {
            foreach (Match m in Marker().Matches(text))
            {
                if (allowed.TryGetValue(m.Value, out var who) && !who.Contains(seat))
                {
                    violations.Add($"{seat} got {m.Value} via {channel}");
                }
            }
        }

        // Live frames, welcome frames and replays: everything every socket received.
        foreach (var viewer in table.Everyone)
        {
            foreach (var frame in viewer.Frames)
            {
                frames++;
                Check(viewer.Seat, frame.Type == "welcome" ? "welcome" : "socket", frame.Raw);
            }

            var received = viewer.Frames.SelectMany(f => Marker().Matches(f.Raw).Select(m => m.Value)).ToHashSet();
            var mustHave = allowed.Where(kv => kv.Value.Contains(viewer.Seat) && kv.Key != "[GAP]").Select(kv => kv.Key);
            var lost = mustHave.Where(m => !received.Contains(m)).ToList();
            Assert.That(lost, Is.Empty, $"{viewer.Seat} never received what it may see");
        }

        // HTTP pages, and the DM's view-as of every seat (the same filter must give the same answer).
        foreach (var seat in Seats)
        {
            var own = await PageAllAsync(table.Server, seat, null);
            bodies += own.Pages;
            Check(seat, "/api/events", own.Text);
            var expected = allowed.Where(kv => kv.Value.Contains(seat)).Select(kv => kv.Key).Order().ToList();
            Assert.That(Marker().Matches(own.Text).Select(m => m.Value).Distinct().Order().ToList(), Is.EqualTo(expected), $"{seat} /api/events");
            var viewAs = await PageAllAsync(table.Server, "dm", seat);
            bodies += viewAs.Pages;
            Check(seat, "/api/events?as", viewAs.Text);
            Assert.That(viewAs.Text, Is.EqualTo(own.Text), $"view as {seat}");
            using var dm = table.Server.Client("dm");
            var party = await dm.GetStringAsync($"/api/party?as={seat}");
            bodies++;
            Check(seat, "/api/party?as", party);
            if (TestServer.Players.Contains(seat))
            {
                using var player = table.Server.Client(seat);
                Check(seat, "/api/characters", await player.GetStringAsync($"/api/characters/{seat}"));
                bodies++;
            }
        }

        TestContext.Out.WriteLine($"Permission boundary: {frames} frames and {bodies} HTTP bodies inspected, {allowed.Count} markers, {violations.Count} violations");
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public async Task C04_ObserverIsolation_ObserverGetsNoPrivateSheetStatsNoteOrHiddenRoll()
    {
        await using var table = await Table.OpenAsync();
        await table.Server.SubmitAsync("vex", "[OBS-WHISPER] I cut the purse", isPrivate: true);
        var action = (await table.Server.DmPostAsync("/api/dm/actions/next")).GetProperty("action").GetProperty("id").GetString();
        await table.Server.DmPostAsync($"/api/dm/actions/{action}/resolve", new { narrative = "[OBS-PUBLIC]", @private = new { vex = "[OBS-PRIVATE]" }, dm_only = "[OBS-NOTE]" });
        await table.Server.DmPostAsync("/api/dm/roll", new { expr = "1d20", visibility = "dm", label = "[OBS-BLIND]" });
        await table.Server.DmPostAsync("/api/dm/roll", new { expr = "1d20", visibility = "private", @for = "elara", label = "[OBS-HIDDEN]" });
        using (var dm = table.Server.Client("dm"))
        {
            await dm.PatchAsJsonAsync("/api/dm/characters/gorm", new { hp = 3 });
        }

        await table.SettleAsync("[OBS-SETTLED]");
        var observer = table.Observer;
        await observer.WaitForAsync(f => f.Type == "party_update", "party update");
        using var http = table.Server.Client("observer");
        var texts = observer.Frames.Select(f => f.Raw).Append(await http.GetStringAsync("/api/events?limit=1000")).Append(await http.GetStringAsync("/api/party")).ToList();
        Assert.Multiple(() =>
        {
            foreach (var text in texts)
            {
                foreach (var secret in new[] { "[OBS-WHISPER]", "[OBS-PRIVATE]", "[OBS-NOTE]", "[OBS-BLIND]", "[OBS-HIDDEN]", "warding spell", "secret_background", "\"hp\"", "\"max_hp\"", "\"ac\"", "\"class\"", "\"conditions\"", "\"type\":\"private\"", "\"type\":\"dm_note\"", "character_update", "\"abilities\"" })
                {
                    Assert.That(text, Does.Not.Contain(secret));
                }
            }

            Assert.That(observer.Frames.Any(f => f.Raw.Contains("[OBS-PUBLIC]", StringComparison.Ordinal)), Is.True);
            Assert.That(observer.OfType("welcome").Single().Json.TryGetProperty("character", out _), Is.False);
        });
        Assert.That((int)(await http.GetAsync("/api/characters/thorin")).StatusCode, Is.EqualTo(403));
        Assert.That((int)(await http.GetAsync("/api/npcs")).StatusCode, Is.EqualTo(403));
    }

    [Test]
    public async Task C04_FixtureSecrets_ReachOnlyTheirOwnerAndTheDmUntilRevealed()
    {
        await using var table = await Table.OpenAsync();
        var thorinSheet = await table.Server.GetJsonAsync("thorin", "/api/characters/thorin");
        var secret = thorinSheet.GetProperty("character").GetProperty("secret_background").GetString()!;
        var villainBio = (await table.Server.GetJsonAsync("dm", "/api/dm/npcs/villain")).GetProperty("npc").GetProperty("dm_notes").GetString()!;
        var millNotes = (await table.Server.GetJsonAsync("dm", "/api/dm/locations/old-mill")).GetProperty("location").GetProperty("dm_notes").GetString()!;
        const string hiddenRoll = "warding spell";
        var thorinDmNotes = (await table.Server.GetJsonAsync("dm", "/api/dm/characters/thorin")).GetProperty("character").GetProperty("dm_notes").GetString()!;
        Assert.That(thorinSheet.GetProperty("character").TryGetProperty("dm_notes", out _), Is.False, "the owner's sheet has no DM notes");

        async Task<string> EverythingSeen(string seat)
        {
            using var http = table.Server.Client(seat);
            var parts = table.Everyone.Single(v => v.Seat == seat).Frames.Select(f => f.Raw).ToList();
            parts.Add(await http.GetStringAsync("/api/events?limit=1000"));
            parts.Add(await http.GetStringAsync("/api/party"));
            if (seat != "observer")
            {
                parts.Add(await http.GetStringAsync("/api/npcs"));
                parts.Add(await http.GetStringAsync("/api/locations"));
                parts.Add(await http.GetStringAsync($"/api/characters/{seat}"));
            }

            return string.Join("\n", parts);
        }

        foreach (var seat in Seats.Where(s => s != "dm"))
        {
            var seen = await EverythingSeen(seat);
            Assert.That(seen.Contains(secret, StringComparison.Ordinal), Is.EqualTo(seat == "thorin"), $"Thorin's secret background for {seat}");
            Assert.That(seen.Contains(hiddenRoll, StringComparison.Ordinal), Is.EqualTo(seat == "elara"), $"Elara's hidden roll for {seat}");
            Assert.That(seen, Does.Not.Contain(villainBio), $"villain biography for {seat}");
            Assert.That(seen, Does.Not.Contain(thorinDmNotes).And.Not.Contain("dm_notes"), $"the DM's notes on Thorin for {seat}");
            Assert.That(seen, Does.Not.Contain(millNotes), $"mill DM notes for {seat}");
            Assert.That(seen, Does.Not.Contain("The Old Mill"), $"undiscovered location for {seat}");
            Assert.That(seen, Does.Not.Contain("Grey Chancellor"), $"unknown villain for {seat}");
        }

        var dmSeen = string.Join("\n", table.Dm.Frames.Select(f => f.Raw)) + await (table.Server.Client("dm")).GetStringAsync("/api/events?limit=1000");
        Assert.That(dmSeen, Does.Contain(hiddenRoll));

        await table.Server.DmPostAsync("/api/dm/locations/old-mill/reveal", new { narrative = "[MILL] Smoke rises from The Old Mill upstream." });
        await table.Server.DmPostAsync("/api/dm/npcs/villain/reveal");
        await table.Players["vex"].WaitForTextAsync("[MILL]");
        var locations = await table.Server.GetJsonAsync("vex", "/api/locations");
        Assert.That(locations.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("id").GetString()), Does.Contain("old-mill"));
        var npcs = await table.Server.GetJsonAsync("vex", "/api/npcs");
        Assert.That(npcs.ToString(), Does.Contain("Grey Chancellor").And.Not.Contain(villainBio), "revealed: public fields only");
    }

    private static async Task SheetOpsAsync(TestServer server, string seat, string path, params object[] ops)
    {
        using var client = server.Client(seat);
        var response = await client.PostAsJsonAsync(path, new { ops });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{seat} {path}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<(string Text, int Pages)> PageAllAsync(TestServer server, string seat, string? asSeat)
    {
        using var client = server.Client(seat);
        var after = 0L;
        var pages = 0;
        var all = new List<string>();
        while (true)
        {
            var url = $"/api/events?after={after}&limit=37" + (asSeat is null ? "" : $"&as={asSeat}");
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            pages++;
            all.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetRawText()));
            after = page.GetProperty("last_seq").GetInt64();
            if (!page.GetProperty("has_more").GetBoolean())
            {
                return (string.Join("\n", all), pages);
            }
        }
    }

    [GeneratedRegex(@"\[(?:ACT|WHISPER|NARR|NOTE|PRIV|GAP|SHEET|DMNOTES)(?:-\d{3})?(?:-[a-z]+)?\]")]
    private static partial Regex Marker();
}
