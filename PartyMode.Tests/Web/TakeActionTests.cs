using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

/// <summary><c>POST /api/dm/actions/{id}/take</c> (docs/protocol.md §3.7.18) over real HTTP and sockets.</summary>
public sealed class TakeActionTests
{
    [Test]
    public async Task Take_SecondActionFirst_ProcessingPushedAndNextKeepsTheOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var vex = await server.ConnectAsync("vex");
        await using var dm = await server.ConnectAsync("dm");
        var first = (await server.SubmitAsync("thorin", "I search the long hall")).GetProperty("id").GetString()!;
        var second = (await server.SubmitAsync("vex", "Quick: is the door locked?")).GetProperty("id").GetString()!;
        var third = (await server.SubmitAsync("gorm", "I guard the rear")).GetProperty("id").GetString()!;

        var taken = await server.DmPostAsync($"/api/dm/actions/{second}/take");

        Assert.That(taken.GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(second));
        Assert.That(taken.GetProperty("action").GetProperty("status").GetString(), Is.EqualTo("processing"));
        await vex.WaitForAsync(f => f.Type == "action_status" && f.Raw.Contains(second, StringComparison.Ordinal) && f.Json.GetProperty("status").GetString() == "processing", "Vex's processing status");
        await dm.WaitForAsync(f => f.Type == "action_status" && f.Raw.Contains(second, StringComparison.Ordinal) && f.Json.GetProperty("status").GetString() == "processing", "the DM's processing status");
        var pending = await server.GetJsonAsync("dm", "/api/dm/actions?status=pending");
        Assert.That(pending.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("id").GetString()), Is.EqualTo(new[] { first, third }));
        Assert.That((await server.DmPostAsync("/api/dm/actions/next")).GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(first));
        Assert.That((await server.DmPostAsync("/api/dm/actions/next")).GetProperty("action").GetProperty("id").GetString(), Is.EqualTo(third));
        await server.DmPostAsync("/api/dm/actions/next", expect: 204);
    }

    [Test]
    public async Task Take_NotPending_409WithASentence()
    {
        await using var server = await TestServer.StartAsync();
        var id = (await server.SubmitAsync("elara", "I read the runes")).GetProperty("id").GetString()!;
        await server.DmPostAsync($"/api/dm/actions/{id}/take");

        var again = await server.DmPostAsync($"/api/dm/actions/{id}/take", expect: 409);
        Assert.That(again.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("not_pending"));
        Assert.That(again.GetProperty("error").GetProperty("message").GetString(), Is.EqualTo($"Action {id} is processing; only a pending action can be taken."));

        await server.DmPostAsync($"/api/dm/actions/{id}/cancel", new { reason = "not now" });
        var cancelled = await server.DmPostAsync($"/api/dm/actions/{id}/take", expect: 409);
        Assert.That(cancelled.GetProperty("error").GetProperty("message").GetString(), Does.Contain("is cancelled"));
    }

    [Test]
    public async Task Take_UnknownAction_404AndPlayerToken_403()
    {
        await using var server = await TestServer.StartAsync();
        var unknown = await server.DmPostAsync("/api/dm/actions/act_424242/take", expect: 404);
        Assert.That(unknown.GetProperty("error").GetProperty("message").GetString(), Does.Contain("act_424242"));

        var id = (await server.SubmitAsync("thorin", "I shout")).GetProperty("id").GetString()!;
        using var thorin = server.Client("thorin");
        var response = await thorin.PostAsJsonAsync($"/api/dm/actions/{id}/take", new { });
        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        var action = await server.GetJsonAsync("dm", $"/api/actions/{id}");
        Assert.That(action.GetProperty("action").GetProperty("status").GetString(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task Take_ThenRestart_ActionStaysProcessing()
    {
        await using var server = await TestServer.StartAsync();
        await server.SubmitAsync("thorin", "first");
        var id = (await server.SubmitAsync("gorm", "second")).GetProperty("id").GetString()!;
        await server.DmPostAsync($"/api/dm/actions/{id}/take");

        await server.RestartAsync();

        var processing = await server.GetJsonAsync("dm", "/api/dm/actions?status=processing");
        Assert.That(processing.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("id").GetString()), Is.EqualTo(new[] { id }));
        Assert.That(JsonSerializer.Serialize(await server.GetJsonAsync("dm", "/api/dm/actions?status=pending")), Does.Not.Contain(id));
    }
}
