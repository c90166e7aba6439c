using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>
/// The permission boundary for roll events (docs/protocol.md §7): every roller, every visibility, by frame
/// and by POST; each roll's marker reaches exactly its audience through live frames, welcome, replay after a
/// reconnect, <c>/api/events</c>, the DM's <c>as=</c> view and <c>/api/party?as=</c>; a blind roll's total
/// never reaches its roller, and a request's DC never reaches the player.
/// </summary>
[Category("E2E")]
public sealed partial class RollVisibilityTests
{
    private static readonly string[] Seats = [.. TestServer.Players, "observer", "dm"];
    private static readonly string[] Visibilities = ["public", "party", "dm", "blind"];

    [Test]
    public async Task Rolls_EveryRollerAndVisibility_EachMarkerReachesExactlyItsAudience()
    {
        await using var table = await Table.OpenAsync();
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var blindTotals = new List<(string Roller, long Seq, string Physical)>();
        var physical = 98000;
        var i = 0;
        foreach (var roller in TestServer.Players)
        {
            foreach (var visibility in Visibilities)
            {
                foreach (var viaFrame in new[] { true, false })
                {
                    var marker = $"[ROLL-{i++:000}-{roller}-{visibility}]";
                    allowed[marker] = visibility switch
                    {
                        "public" => [.. Seats],
                        "party" => [.. TestServer.Players, "dm"],
                        "dm" => [roller, "dm"],
                        _ => ["dm"],
                    };
                    // A blind roll with real dice: a total no other text holds, to look for everywhere.
                    var isPhysical = visibility == "blind" && !viaFrame;
                    var body = new Dictionary<string, object?> { ["expr"] = isPhysical ? "100d1000" : "skill:perception", ["visibility"] = visibility, ["label"] = marker, ["client_id"] = $"c-{i}" };
                    if (isPhysical)
                    {
                        body["physical"] = true;
                        body["result"] = ++physical;
                    }

                    if (viaFrame)
                    {
                        var player = table.Players[roller];
                        await player.SendRawAsync(JsonSerializer.Serialize(body.Append(new("type", "roll")).ToDictionary()));
                        var status = await player.WaitForAsync(f => f.Type == "roll_status" && f.Raw.Contains($"\"c-{i}\"", StringComparison.Ordinal), "roll_status");
                        Assert.That(status.Json.GetProperty("status").GetString(), Is.EqualTo(visibility == "blind" ? "rolled_blind" : "rolled"));
                        Assert.That(status.Raw, Does.Not.Contain("total").And.Not.Contain(marker));
                    }
                    else
                    {
                        using var http = table.Server.Client(roller);
                        var response = await http.PostAsJsonAsync("/api/rolls", body);
                        var text = await response.Content.ReadAsStringAsync();
                        Assert.That((int)response.StatusCode, Is.EqualTo(201), text);
                        var roll = JsonDocument.Parse(text).RootElement.GetProperty("roll");
                        if (visibility == "blind")
                        {
                            Assert.That(roll.TryGetProperty("total", out _) || roll.TryGetProperty("rolls", out _) || roll.TryGetProperty("seq", out _), Is.False, text);
                            Assert.That(roll.GetProperty("status").GetString(), Is.EqualTo("rolled_blind"));
                            blindTotals.Add((roller, 0, physical.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        }
                        else
                        {
                            Assert.That((roll.GetProperty("by").GetString(), roll.GetProperty("visibility").GetString()), Is.EqualTo((roller, visibility)));
                        }
                    }
                }
            }

            if (roller == "elara")
            {
                // Replay channel: Elara comes back with an old last_seq, Gorm with none.
                await table.SettleAsync("[SETTLE-A]");
                await table.Players["elara"].DisconnectAsync();
                await table.Players["gorm"].DisconnectAsync();
                await table.Players["elara"].ConnectAsync(0);
                await table.Players["gorm"].ConnectAsync();
            }
        }

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

            foreach (var (roller, _, total) in blindTotals)
            {
                if (seat != "dm" && text.Contains(total, StringComparison.Ordinal))
                {
                    violations.Add($"{seat} got the blind total {total} of {roller} via {channel}");
                }
            }
        }

        foreach (var viewer in table.Everyone)
        {
            foreach (var frame in viewer.Frames)
            {
                Check(viewer.Seat, frame.Type, frame.Raw);
            }

            var received = viewer.Frames.SelectMany(f => Marker().Matches(f.Raw).Select(m => m.Value)).ToHashSet();
            var lost = allowed.Where(kv => kv.Value.Contains(viewer.Seat) && !received.Contains(kv.Key)).Select(kv => kv.Key).ToList();
            Assert.That(lost, Is.Empty, $"{viewer.Seat} never received what it may see");
            if (viewer.Seat != "dm")
            {
                // No roll event a player or the observer got is blind.
                Assert.That(viewer.Events.Where(f => f.Type == "roll").Select(f => f.Json.TryGetProperty("visibility", out var v) ? v.GetString() : null), Has.None.EqualTo("blind"));
            }
        }

        foreach (var seat in Seats)
        {
            using var client = table.Server.Client(seat);
            var own = await client.GetStringAsync("/api/events?limit=1000");
            Check(seat, "/api/events", own);
            var expected = allowed.Where(kv => kv.Value.Contains(seat)).Select(kv => kv.Key).Order().ToList();
            Assert.That(Marker().Matches(own).Select(m => m.Value).Distinct().Order().ToList(), Is.EqualTo(expected), $"{seat} /api/events");
            using var dm = table.Server.Client("dm");
            var viewAs = await dm.GetStringAsync($"/api/events?limit=1000&as={seat}");
            Check(seat, "/api/events?as", viewAs);
            Assert.That(viewAs, Is.EqualTo(own), $"view as {seat}");
            Check(seat, "/api/party?as", await dm.GetStringAsync($"/api/party?as={seat}"));
        }

        Assert.That(violations, Is.Empty);
    }

    [Test]
    public async Task RollRequest_BlindWithDc_PlayerNeverSeesTheDcOrTheTotalDmSeesSuccess()
    {
        await using var table = await Table.OpenAsync();
        var created = await table.Server.DmPostAsync("/api/dm/roll-requests", new { player = "elara", expr = "save:wis", dc = 77, visibility = "blind", reason = "[RR-REASON] the whispering idol" }, expect: 201);
        var id = created.GetProperty("request").GetProperty("id").GetString()!;
        Assert.That(created.GetProperty("request").GetProperty("dc").GetInt32(), Is.EqualTo(77));
        var elara = table.Players["elara"];
        var card = await elara.WaitForAsync(f => f.Type == "roll_request", "roll_request");
        Assert.That(card.Raw, Does.Contain("[RR-REASON]").And.Not.Contain("\"dc\"").And.Not.Contain("77"));
        await table.Dm.WaitForAsync(f => f.Type == "roll_request" && f.Raw.Contains("\"dc\":77", StringComparison.Ordinal), "DM's roll_request");
        Assert.That(table.Players["vex"].OfType("roll_request"), Is.Empty);
        Assert.That(table.Observer.OfType("roll_request"), Is.Empty);

        // Still open: a reconnect's welcome lists it, without the DC.
        await elara.DisconnectAsync();
        await elara.ConnectAsync(elara.LastSeq);
        var welcome = elara.OfType("welcome").Last();
        Assert.That(welcome.Json.GetProperty("roll_requests").EnumerateArray().Single().GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(welcome.Raw, Does.Not.Contain("\"dc\""));

        using var dmClient = table.Server.Client("dm");
        var waiting = dmClient.GetStringAsync($"/api/dm/roll-requests/{id}?wait=30");
        // Real dice: Elara reads 9 on her d20; with her +3 the total is 12.
        await elara.SendRawAsync(JsonSerializer.Serialize(new { type = "roll", request_id = id, physical = true, result = 9, expr = "1d4", visibility = "public" }));
        var answered = JsonDocument.Parse(await waiting).RootElement.GetProperty("request");
        Assert.Multiple(() =>
        {
            Assert.That(answered.GetProperty("status").GetString(), Is.EqualTo("rolled"));
            Assert.That(answered.GetProperty("roll").GetProperty("total").GetInt32(), Is.EqualTo(12));
            Assert.That(answered.GetProperty("success").GetBoolean(), Is.False);
        });
        await elara.WaitForAsync(f => f.Type == "roll_status" && f.Raw.Contains("rolled_blind", StringComparison.Ordinal), "roll_status");
        await elara.WaitForAsync(f => f.Type == "roll_request" && f.Raw.Contains("\"rolled\"", StringComparison.Ordinal), "rolled card");
        await table.SettleAsync("[RR-SETTLED]");
        var dmEvent = table.Dm.Events.Single(f => f.Type == "roll" && f.Raw.Contains(id, StringComparison.Ordinal));
        Assert.That((dmEvent.Json.GetProperty("visibility").GetString(), dmEvent.Json.GetProperty("expr").GetString(), dmEvent.Json.GetProperty("physical").GetBoolean()), Is.EqualTo(("blind", "save:wis", true)));

        await elara.DisconnectAsync();
        await elara.ConnectAsync(0);
        using var http = table.Server.Client("elara");
        var seen = string.Join("\n", elara.Frames.Where(f => f.Type != "roll_status").Select(f => f.Raw)) + await http.GetStringAsync("/api/events?limit=1000");
        Assert.That(seen, Does.Not.Contain("\"total\":12").And.Not.Contain("\"dc\"").And.Not.Contain("\"success\""));
        Assert.That(elara.Events.Any(f => f.Raw.Contains(id, StringComparison.Ordinal)), Is.False, "the blind roll's event never reaches Elara");
        Assert.That(elara.OfType("welcome").Last().Json.GetProperty("roll_requests").GetArrayLength(), Is.EqualTo(0));
    }

    [GeneratedRegex(@"\[ROLL-\d{3}-[a-z]+-[a-z]+\]")]
    private static partial Regex Marker();
}
