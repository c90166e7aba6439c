using System.Text.Json;
using PartyMode.Tests.Support;
using static PartyMode.Tests.Web.SheetHttp;

namespace PartyMode.Tests.Web;

/// <summary>Players' and the DM's sheet changes over HTTP (docs/protocol.md §8.2): the default policy per field, pending changes, pushes.</summary>
public sealed class SheetChangeEndpointTests
{
    [Test]
    public async Task Damage_ByTheOwner_AppliedAtOnceWithEventForOwnerAndDmOnly()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");
        await using var elara = await server.ConnectAsync("elara");
        await using var dm = await server.ConnectAsync("dm");
        await using var observer = await server.ConnectAsync("observer");

        var (status, body, _) = await ChangeAsync(server, "thorin", new { op = "damage", amount = 7 });

        Assert.That(status, Is.EqualTo(200), body.ToString());
        var change = body.GetProperty("change");
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("character").GetProperty("hp").GetInt32(), Is.EqualTo(24));
            Assert.That(change.GetProperty("status").GetString(), Is.EqualTo("applied"));
            Assert.That(change.GetProperty("summary").GetString(), Is.EqualTo("Thorin took 7 damage (31 → 24)"));
            Assert.That(change.GetProperty("id").GetString(), Is.EqualTo("chg_000001"));
        });
        var seq = change.GetProperty("seq").GetInt64();
        var e = await thorin.WaitForAsync(f => f.Type == "sheet_change", "the owner's story line");
        Assert.That((e.Seq, e.Json.GetProperty("player_id").GetString(), e.Json.GetProperty("by").GetString()), Is.EqualTo(((long?)seq, "thorin", "thorin")));
        Assert.That(e.Json.GetProperty("ops")[0].GetProperty("amount").GetInt32(), Is.EqualTo(7));
        await dm.WaitForAsync(f => f.Type == "sheet_change", "the DM's story line");
        await thorin.WaitForAsync(f => f.Type == "character_update" && f.Json.GetProperty("character").GetProperty("hp").GetInt32() == 24, "the owner's sheet");
        await dm.WaitForAsync(f => f.Type == "character_update", "the DM's copy");
        await elara.WaitForAsync(f => f.Type == "party_update" && f.Raw.Contains("\"hp\":24", StringComparison.Ordinal), "the roster");
        await observer.WaitForAsync(f => f.Type == "party_update", "the observer's roster");

        // Frames are sent in commit order: a later narration reaching everyone proves nothing else is on its way.
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "The dust settles." });
        foreach (var s in new[] { elara, observer })
        {
            await s.WaitForTextAsync("The dust settles.");
            Assert.That(s.Frames.Any(f => f.Type is "sheet_change" or "character_update" or "change_status"), Is.False, s.Seat);
        }

        var events = await server.GetJsonAsync("elara", "/api/events");
        Assert.That(events.GetRawText(), Does.Not.Contain("sheet_change"));
    }

    [Test]
    public async Task PlayerChange_DefaultPolicyPerField_FreeApprovalOrLocked()
    {
        await using var server = await TestServer.StartAsync();
        var cases = new (string Seat, object Op, int Status, string? Code)[]
        {
            ("thorin", new { op = "damage", amount = 3 }, 200, null),
            ("thorin", new { op = "heal", amount = 2 }, 200, null),
            ("thorin", new { op = "temp_hp", value = 5 }, 200, null),
            ("elara", new { op = "spend_slot", level = 1 }, 200, null),
            ("elara", new { op = "recover_slot", level = 1 }, 200, null),
            ("thorin", new { op = "spend_hit_die" }, 200, null),
            ("thorin", new { op = "set", field = "notes", value = "Owes Marta 5 gp." }, 200, null),
            ("elara", new { op = "set", field = "spell_slots", value = new Dictionary<string, object> { ["1"] = new { used = 2, max = 4 }, ["2"] = new { used = 0, max = 2 } } }, 200, null),
            ("thorin", new { op = "set", field = "inventory", value = new[] { "Battleaxe" } }, 202, null),
            ("thorin", new { op = "set", field = "coins", value = new { gp = 100 } }, 202, null),
            ("thorin", new { op = "set", field = "conditions", value = new[] { "poisoned" } }, 202, null),
            ("thorin", new { op = "set", field = "level", value = 20 }, 403, "field_locked"),
            ("thorin", new { op = "set", field = "max_hp", value = 99 }, 403, "field_locked"),
            ("thorin", new { op = "set", field = "dm_notes", value = "mine now" }, 403, "field_locked"),
            ("thorin", new { op = "set", field = "secret_background", value = "x" }, 403, "field_locked"),
            ("elara", new { op = "set", field = "spell_slots", value = new Dictionary<string, object> { ["1"] = new { used = 0, max = 9 } } }, 403, "field_locked"),
            ("thorin", new { op = "set", field = "hp", value = 31 }, 400, "bad_change"),
            ("thorin", new { op = "damage", amount = -4 }, 400, "bad_change"),
            ("elara", new { op = "spend_slot", level = 3 }, 400, "bad_change"),
            ("thorin", new { op = "fly" }, 400, "bad_change"),
            ("thorin", new { op = "set", field = "mana", value = 3 }, 400, "bad_change"),
        };
        foreach (var (seat, op, status, code) in cases)
        {
            var (got, body, gotCode) = await ChangeAsync(server, seat, op);
            Assert.That((got, gotCode), Is.EqualTo((status, code)), $"{seat} {JsonSerializer.Serialize(op)}: {body}");
        }
    }

    [Test]
    public async Task PlayerChange_LockedOpAmongFreeOnes_ChangesNothing()
    {
        await using var server = await TestServer.StartAsync();
        var (status, body, code) = await ChangeAsync(server, "elara", new { op = "spend_slot", level = 2 }, new { op = "set", field = "ac", value = 20 });
        Assert.That((status, code), Is.EqualTo((403, "field_locked")));
        Assert.That(body.GetProperty("error").GetProperty("message").GetString(), Does.Contain("'ac'"));
        (status, _, code) = await ChangeAsync(server, "elara", new { op = "spend_slot", level = 2 }, new { op = "spend_slot", level = 2 }, new { op = "spend_slot", level = 2 });
        Assert.That((status, code), Is.EqualTo((400, "bad_change")), "the third level 2 slot does not exist");
        var sheet = await SheetAsync(server, "elara");
        Assert.That((sheet.GetProperty("spell_slots").GetProperty("2").GetProperty("used").GetInt32(), sheet.GetProperty("ac").GetInt32()), Is.EqualTo((0, 12)));
        Assert.That((await server.GetJsonAsync("dm", "/api/events")).GetRawText(), Does.Not.Contain("sheet_change"));
    }

    [Test]
    public async Task PlayerChange_OtherSeatObserverOrDm_RefusedOnThePlayerRoute()
    {
        await using var server = await TestServer.StartAsync();
        var damage = new { ops = new[] { new { op = "damage", amount = 1 } } };
        Assert.That((await PostAsync(server, "vex", "/api/characters/thorin/changes", damage)).Status, Is.EqualTo(404));
        Assert.That((await PostAsync(server, "vex", "/api/characters/bob/changes", damage)).Status, Is.EqualTo(404));
        var observer = await PostAsync(server, "observer", "/api/characters/thorin/changes", damage);
        Assert.That((observer.Status, observer.Code), Is.EqualTo((403, "observer_cannot_act")));
        Assert.That((await PostAsync(server, "dm", "/api/characters/thorin/changes", damage)).Status, Is.EqualTo(403));
        Assert.That((await SheetAsync(server, "thorin")).GetProperty("hp").GetInt32(), Is.EqualTo(31));
    }

    [Test]
    public async Task PendingChange_ApprovedByTheDm_AppliedAndToldToThePlayer()
    {
        await using var server = await TestServer.StartAsync();
        await using var thorin = await server.ConnectAsync("thorin");
        var (status, body, _) = await PostAsync(server, "thorin", "/api/characters/thorin/changes", new
        {
            ops = new object[] { new { op = "set", field = "coins", value = new { cp = 12, sp = 8, gp = 25 } }, new { op = "damage", amount = 2 } },
            client_id = "coins-1",
        });
        Assert.That(status, Is.EqualTo(202), body.ToString());
        var change = body.GetProperty("change");
        var id = change.GetProperty("id").GetString()!;
        Assert.That(change.GetProperty("status").GetString(), Is.EqualTo("pending"));
        Assert.That(change.GetProperty("summary").GetString(), Is.EqualTo("Thorin's coins: gp 15 → 25; Thorin took 2 damage (31 → 29)"));
        Assert.That(body.TryGetProperty("character", out _), Is.False);
        Assert.That((await SheetAsync(server, "thorin")).GetProperty("hp").GetInt32(), Is.EqualTo(31), "nothing applied while pending");
        await thorin.WaitForAsync(f => f.Type == "change_status" && f.Raw.Contains("\"pending\"", StringComparison.Ordinal), "pending");

        var retry = await PostAsync(server, "thorin", "/api/characters/thorin/changes", new { ops = new[] { new { op = "damage", amount = 9 } }, client_id = "coins-1" });
        Assert.That((retry.Status, retry.Body.GetProperty("change").GetProperty("id").GetString()), Is.EqualTo((202, id)), "the same client_id answers the first change");

        var pending = await server.GetJsonAsync("dm", "/api/dm/changes?status=pending");
        Assert.That(pending.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("id").GetString()), Is.EqualTo(new[] { id }));
        var approved = await server.DmPostAsync($"/api/dm/changes/{id}/approve");
        Assert.That(approved.GetProperty("change").GetProperty("status").GetString(), Is.EqualTo("approved"));
        Assert.That(approved.GetProperty("character").GetProperty("coins").GetProperty("gp").GetInt32(), Is.EqualTo(25));
        await thorin.WaitForAsync(f => f.Type == "change_status" && f.Raw.Contains("\"approved\"", StringComparison.Ordinal), "approved");
        await thorin.WaitForAsync(f => f.Type == "sheet_change" && f.Json.GetProperty("change_id").GetString() == id, "the story line");
        Assert.That((await SheetAsync(server, "thorin")).GetProperty("hp").GetInt32(), Is.EqualTo(29));
        var again = await PostAsync(server, "dm", $"/api/dm/changes/{id}/approve", new { });
        Assert.That((again.Status, again.Code), Is.EqualTo((409, "already_approved")));
        Assert.That((await server.GetJsonAsync("dm", "/api/dm/changes?status=pending")).GetProperty("changes").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task PendingChange_RejectedWithReason_NothingAppliedAndPlayerToldWhy()
    {
        await using var server = await TestServer.StartAsync();
        await using var vex = await server.ConnectAsync("vex");
        var (_, body, _) = await ChangeAsync(server, "vex", new { op = "set", field = "inventory", value = new[] { "Vorpal sword" } });
        var id = body.GetProperty("change").GetProperty("id").GetString()!;
        var welcome = (await server.ConnectAsync("vex")).OfType("welcome").Single();
        Assert.That(welcome.Json.GetProperty("sheet_changes")[0].GetProperty("id").GetString(), Is.EqualTo(id), "a reloaded phone still shows it waiting");

        var rejected = await server.DmPostAsync($"/api/dm/changes/{id}/reject", new { reason = "Nice try." });
        Assert.That((rejected.GetProperty("change").GetProperty("status").GetString(), rejected.GetProperty("change").GetProperty("reason").GetString()), Is.EqualTo(("rejected", "Nice try.")));
        var frame = await vex.WaitForAsync(f => f.Type == "change_status" && f.Raw.Contains("\"rejected\"", StringComparison.Ordinal), "rejected");
        Assert.That(frame.Raw, Does.Contain("Nice try."));
        Assert.That((await SheetAsync(server, "vex")).GetProperty("inventory").GetRawText(), Does.Not.Contain("Vorpal"));
        Assert.That((await PostAsync(server, "dm", $"/api/dm/changes/{id}/reject", new { })).Code, Is.EqualTo("already_rejected"));
        Assert.That((await PostAsync(server, "dm", "/api/dm/changes/chg_999999/approve", new { })).Status, Is.EqualTo(404));
        Assert.That((await PostAsync(server, "vex", $"/api/dm/changes/{id}/approve", new { })).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task DmChange_AnyField_AppliedWithoutPolicy()
    {
        await using var server = await TestServer.StartAsync();
        var (status, body, _) = await PostAsync(server, "dm", "/api/dm/characters/thorin/changes", new
        {
            ops = new object[] { new { op = "set", field = "level", value = 4 }, new { op = "set", field = "inventory", value = new[] { "Battleaxe", "Rope" } } },
        });
        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That(body.GetProperty("character").GetProperty("level").GetInt32(), Is.EqualTo(4));
        Assert.That(body.GetProperty("change").GetProperty("by").GetString(), Is.EqualTo("dm"));
        Assert.That(body.GetProperty("change").GetProperty("summary").GetString(), Does.StartWith("Thorin's level set to 4 (was 3); Thorin's inventory: + Rope, − Chain mail"));
        var bad = await PostAsync(server, "dm", "/api/dm/characters/thorin/changes", new { ops = new[] { new { op = "heal" } } });
        Assert.That((bad.Status, bad.Code), Is.EqualTo((400, "bad_change")));
        Assert.That(bad.Body.GetProperty("error").GetProperty("message").GetString(), Does.Contain("ops[0].amount"));
        Assert.That((await PostAsync(server, "dm", "/api/dm/characters/bob/changes", new { ops = new[] { new { op = "heal", amount = 1 } } })).Status, Is.EqualTo(404));
    }
}
