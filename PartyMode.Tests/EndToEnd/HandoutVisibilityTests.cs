using System.Net;
using System.Text.RegularExpressions;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;
using PartyMode.Tests.Web.Handouts;

namespace PartyMode.Tests.EndToEnd;

/// <summary>
/// The permission boundary for handouts (docs/protocol.md §9): every audience (public, party, DM, TV only,
/// one player, two players, a reveal, a party handout put on the TV), each with a marker of its own in its
/// title and its text; each marker reaches exactly its seats through live frames, replay after a reconnect,
/// <c>/api/events</c> and <c>as=</c>, <c>/api/handouts</c> and <c>as=</c>, the image download (200 or 404),
/// the story export (Markdown and HTML, own and <c>as=</c>) and the MCP tools' results.
/// </summary>
[Category("E2E")]
public sealed partial class HandoutVisibilityTests
{
    private static readonly string[] Seats = [.. TestServer.Players, "observer", "dm"];

    [Test]
    public async Task Handouts_EveryAudience_EachMarkerAndImageReachExactlyItsSeats()
    {
        await using var table = await Table.OpenAsync();
        var server = table.Server;
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var cases = new (string Name, object? Audience, string[] Seats)[]
        {
            ("public", "public", Seats),
            ("default", null, Seats),
            ("party", "party", [.. TestServer.Players, "dm"]),
            ("dm", "dm", ["dm"]),
            ("tv", "tv", ["observer", "dm"]),
            ("vex", new[] { "vex" }, ["vex", "dm"]),
            ("pair", new[] { "thorin", "gorm" }, ["thorin", "gorm", "dm"]),
        };
        byte red = 1;
        foreach (var (name, audience, seats) in cases)
        {
            var marker = $"[HO-{name}]";
            ids[marker] = await HandoutHttp.UploadPngAsync(server, marker, red: red++);
            await HandoutHttp.ShowAsync(server, ids[marker], audience, $"note {marker.Replace("HO-", "HT-", StringComparison.Ordinal)}");
            allowed[marker] = [.. seats];
            allowed[marker.Replace("HO-", "HT-", StringComparison.Ordinal)] = [.. seats];
        }

        // A party handout put on the TV: the TV (and only the TV besides the party) gets it too.
        ids["[HO-ontv]"] = await HandoutHttp.UploadPngAsync(server, "[HO-ontv]", red: red++);
        await HandoutHttp.ShowAsync(server, ids["[HO-ontv]"], "party");
        await server.DmPostAsync("/api/dm/tv", new { handout_id = ids["[HO-ontv]"] });
        allowed["[HO-ontv]"] = [.. TestServer.Players, "observer", "dm"];
        // A reveal: the villain's portrait, titled with the NPC's name, reaches the party.
        await server.DmPostAsync("/api/dm/npcs/villain/reveal");
        var portrait = (await HandoutHttp.ListedAsync(server, "thorin")).First();

        // Replay: Elara comes back from the start, Gorm with the newest 100, the TV from the start.
        await table.SettleAsync("[SETTLE-A]");
        await table.Players["elara"].DisconnectAsync();
        await table.Players["gorm"].DisconnectAsync();
        await table.Observer.DisconnectAsync();
        await table.Players["elara"].ConnectAsync(0);
        await table.Players["gorm"].ConnectAsync();
        await table.Observer.ConnectAsync(0);
        await table.SettleAsync("[SETTLE-END]");

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

        List<string> Found(string text) => [.. Marker().Matches(text).Select(m => m.Value).Distinct().Order()];
        List<string> Expected(string seat, string prefix) => [.. allowed.Where(kv => kv.Value.Contains(seat) && kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(kv => kv.Key).Order()];

        foreach (var viewer in table.Everyone)
        {
            foreach (var frame in viewer.Frames)
            {
                Check(viewer.Seat, frame.Type, frame.Raw);
            }

            var received = viewer.Frames.SelectMany(f => Marker().Matches(f.Raw).Select(m => m.Value)).ToHashSet();
            Assert.That(Expected(viewer.Seat, "[").Where(m => !received.Contains(m)), Is.Empty, $"{viewer.Seat} never received what it may see");
        }

        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        foreach (var seat in Seats)
        {
            using var client = server.Client(seat);
            using var dm = server.Client("dm");
            var events = await client.GetStringAsync("/api/events?limit=1000");
            Check(seat, "/api/events", events);
            Assert.That(Found(events), Is.EqualTo(Expected(seat, "[")), $"{seat} /api/events");
            Assert.That(await dm.GetStringAsync($"/api/events?limit=1000&as={seat}"), Is.EqualTo(events), $"/api/events as {seat}");

            var list = await client.GetStringAsync("/api/handouts");
            Check(seat, "/api/handouts", list);
            var listedAs = await dm.GetStringAsync($"/api/handouts?as={seat}");
            Check(seat, "/api/handouts?as", listedAs);
            if (seat != "dm")
            {
                Assert.That(Found(list).Where(m => m.StartsWith("[HO-", StringComparison.Ordinal)), Is.EqualTo(Expected(seat, "[HO-")), $"{seat} /api/handouts");
                Assert.That(listedAs, Is.EqualTo(list), $"/api/handouts as {seat}");
            }

            foreach (var (marker, id) in ids)
            {
                using var image = await HandoutHttp.ImageAsync(server, seat, id);
                using var imageAs = await HandoutHttp.ImageAsync(server, "dm", id, asSeat: seat);
                var may = allowed[marker].Contains(seat) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                Assert.That((image.StatusCode, imageAs.StatusCode), Is.EqualTo((may, seat == "dm" ? HttpStatusCode.OK : may)), $"{seat} image of {marker}");
            }

            using var portraitImage = await HandoutHttp.ImageAsync(server, seat, portrait);
            Assert.That(portraitImage.StatusCode, Is.EqualTo(seat == "observer" ? HttpStatusCode.NotFound : HttpStatusCode.OK), $"{seat} the revealed portrait");

            var md = await client.GetStringAsync("/api/export?format=md");
            var html = await client.GetStringAsync("/api/export?format=html");
            Check(seat, "export md", md);
            Check(seat, "export html", html);
            Assert.That(Found(md), Is.EqualTo(Expected(seat, "[")), $"{seat} export");
            Assert.That(await dm.GetStringAsync($"/api/export?format=md&as={seat}"), Is.EqualTo(md), $"export as {seat}");
            // Each image the seat may fetch is embedded once per showing it saw, and no other.
            var images = Regex.Count(html, "data:image/png;base64,");
            var visibleImages = ids.Count(kv => allowed[kv.Key].Contains(seat)) + (seat == "observer" ? 0 : 1);
            Assert.That(images, Is.GreaterThanOrEqualTo(visibleImages), $"{seat} html images");
            foreach (var (marker, id) in ids.Where(kv => !allowed[kv.Key].Contains(seat)))
            {
                using var bytes = await HandoutHttp.ImageAsync(server, "dm", id);
                var data = Convert.ToBase64String(await bytes.Content.ReadAsByteArrayAsync());
                Assert.That(html.Contains(data, StringComparison.Ordinal), Is.False, $"{seat}'s html embeds the image of {marker}");
            }

            var story = await mcp.CallOkAsync("party_get_story", new() { ["as"] = seat, ["limit"] = 200 });
            var book = await mcp.CallOkAsync("party_export_story", new() { ["as"] = seat });
            var storyText = McpHarness.Text(story) + story.StructuredContent;
            Check(seat, "party_get_story", storyText);
            Check(seat, "party_export_story", McpHarness.Text(book));
            Assert.That(Found(McpHarness.Text(book)), Is.EqualTo(Expected(seat, "[")), $"{seat} party_export_story");
        }

        Assert.That(violations, Is.Empty);
    }

    [GeneratedRegex(@"\[H[OT]-[a-z]+\]")]
    private static partial Regex Marker();
}
