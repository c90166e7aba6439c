using System.Net.Http.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

/// <summary><c>POST /api/dm/events/{seq}/edit</c> and <c>…/retract</c> (docs/protocol.md §3.7.19): what may be changed, and the errors.</summary>
public sealed class MessageEditTests
{
    [Test]
    public async Task Edit_Narration_StoredEventNamesTheOriginalAndSurvivesARestart()
    {
        await using var server = await TestServer.StartAsync();
        var seq = (await server.DmPostAsync("/api/dm/narrate", new { narrative = "The gate is open." })).GetProperty("events")[0].GetProperty("seq").GetInt64();

        var edit = (await server.DmPostAsync($"/api/dm/events/{seq}/edit", new { text = "  The gate is shut.  " })).GetProperty("events")[0];
        await server.RestartAsync();

        // A restart after play begins a new session: its event follows.
        var events = (await server.GetJsonAsync("thorin", $"/api/events?after={seq - 1}&limit=2")).GetProperty("events").EnumerateArray().ToList();
        Assert.That(events.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "narrative", "edit" }));
        Assert.That(events[0].GetProperty("text").GetString(), Is.EqualTo("The gate is open."), "the original is kept as stored");
        Assert.That((events[1].GetProperty("seq").GetInt64(), events[1].GetProperty("ref").GetInt64(), events[1].GetProperty("text").GetString()),
            Is.EqualTo((edit.GetProperty("seq").GetInt64(), seq, "The gate is shut.")));
    }

    [Test]
    public async Task Edit_DmRoll_ReplacesTheLabelAndRetractOfARollWorks()
    {
        await using var server = await TestServer.StartAsync();
        var seq = (await server.DmPostAsync("/api/dm/roll", new { expr = "1d20", label = "Perceptoin" })).GetProperty("roll").GetProperty("seq").GetInt64();

        var edit = (await server.DmPostAsync($"/api/dm/events/{seq}/edit", new { text = "Perception" })).GetProperty("events")[0];
        var retract = (await server.DmPostAsync($"/api/dm/events/{seq}/retract")).GetProperty("events")[0];

        Assert.That((edit.GetProperty("label").GetString(), edit.TryGetProperty("text", out _)), Is.EqualTo(("Perception", false)));
        Assert.That((retract.GetProperty("type").GetString(), retract.GetProperty("ref").GetInt64()), Is.EqualTo(("retract", seq)));
    }

    [Test]
    public async Task Edit_PlayersActionOrRoll_409NotEditable()
    {
        await using var server = await TestServer.StartAsync();
        var action = (await server.SubmitAsync("thorin", "I jump")).GetProperty("seq").GetInt64();
        using var vex = server.Client("vex");
        var rolled = await vex.PostAsJsonAsync("/api/rolls", new { expr = "1d20", visibility = "public" });
        var roll = (await rolled.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("roll").GetProperty("seq").GetInt64();

        var onAction = await server.DmPostAsync($"/api/dm/events/{action}/edit", new { text = "I fall" }, expect: 409);
        var onRoll = await server.DmPostAsync($"/api/dm/events/{roll}/retract", expect: 409);

        Assert.That(onAction.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("not_editable"));
        Assert.That(onAction.GetProperty("error").GetProperty("message").GetString(), Does.Contain("a player's action").And.Contain("only the DM's narration"));
        Assert.That(onRoll.GetProperty("error").GetProperty("message").GetString(), Does.Contain("a player's roll"));
    }

    [Test]
    public async Task Retract_Twice_409AndEditingTheRetracted_409()
    {
        await using var server = await TestServer.StartAsync();
        var seq = (await server.DmPostAsync("/api/dm/whisper", new { to = new[] { "vex" }, text = "wrong seat" })).GetProperty("events")[0].GetProperty("seq").GetInt64();
        var retract = (await server.DmPostAsync($"/api/dm/events/{seq}/retract")).GetProperty("events")[0].GetProperty("seq").GetInt64();

        var twice = await server.DmPostAsync($"/api/dm/events/{seq}/retract", expect: 409);
        var edit = await server.DmPostAsync($"/api/dm/events/{seq}/edit", new { text = "right seat" }, expect: 409);
        var ofTheRetraction = await server.DmPostAsync($"/api/dm/events/{retract}/edit", new { text = "x" }, expect: 409);

        Assert.That((twice.GetProperty("error").GetProperty("code").GetString(), edit.GetProperty("error").GetProperty("code").GetString()), Is.EqualTo(("retracted", "retracted")));
        Assert.That(ofTheRetraction.GetProperty("error").GetProperty("message").GetString(), Does.Contain("a retraction"));
    }

    [Test]
    public async Task Edit_BadInput_ClearErrorsAndNothingStored()
    {
        await using var server = await TestServer.StartAsync();
        var seq = (await server.DmPostAsync("/api/dm/narrate", new { narrative = "Dawn." })).GetProperty("events")[0].GetProperty("seq").GetInt64();

        var empty = await server.DmPostAsync($"/api/dm/events/{seq}/edit", new { text = "  " }, expect: 400);
        var notSeq = await server.DmPostAsync("/api/dm/events/abc/edit", new { text = "x" }, expect: 400);
        var unknown = await server.DmPostAsync("/api/dm/events/9999/retract", expect: 404);
        var tooLong = await server.DmPostAsync($"/api/dm/events/{seq}/edit", new { text = new string('a', 20_001) }, expect: 400);
        using var thorin = server.Client("thorin");
        var player = await thorin.PostAsJsonAsync($"/api/dm/events/{seq}/retract", new { });

        Assert.That(empty.GetProperty("error").GetProperty("message").GetString(), Does.Contain("'text' is empty"));
        Assert.That(notSeq.GetProperty("error").GetProperty("message").GetString(), Does.Contain("'abc' is not a seq"));
        Assert.That(unknown.GetProperty("error").GetProperty("message").GetString(), Does.Contain("No event 9999"));
        Assert.That(tooLong.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("too_long"));
        Assert.That((int)player.StatusCode, Is.EqualTo(403));
        var events = (await server.GetJsonAsync("dm", "/api/events")).GetProperty("events").EnumerateArray();
        Assert.That(events.Select(e => e.GetProperty("type").GetString()), Has.None.EqualTo("edit").And.None.EqualTo("retract"));
    }
}
