using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;
using PartyMode.Tests.Web.Handouts;

namespace PartyMode.Tests.Mcp;

/// <summary>party_show_handout and party_tv (CLI-MCP v2; docs/protocol.md §9): the MCP process reads a local file and uploads it.</summary>
public sealed class McpHandoutToolTests
{
    [Test]
    public async Task ShowHandout_LocalFileOverStdio_UploadsAndReachesOnlyTheChosenPlayer()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.ChildProcessAsync(server.DataDirectory);
        await using var vex = await server.ConnectAsync("vex");
        using var art = new TempFolder();
        var file = Path.Combine(art.Path, "dead-mans-note.png");
        await File.WriteAllBytesAsync(file, TestImages.Png(12, 8));

        var result = await mcp.CallOkAsync("party_show_handout", new() { ["path_or_id"] = file, ["audience"] = new[] { "vex" }, ["text"] = "Found in his pocket." });

        var frame = await vex.WaitForAsync(f => f.Type == "handout", "the handout");
        Assert.That(frame.Json.GetProperty("title").GetString(), Is.EqualTo("dead-mans-note"));
        Assert.That(frame.Json.GetProperty("text").GetString(), Is.EqualTo("Found in his pocket."));
        var structured = result.StructuredContent!.Value;
        var id = structured.GetProperty("handout").GetProperty("id").GetString()!;
        Assert.That(structured.GetProperty("event").GetProperty("handout_id").GetString(), Is.EqualTo(id));
        Assert.That(McpHarness.Text(result), Does.Contain(id).And.Contain("vex").And.Contain("12×8"));
        Assert.That(await HandoutHttp.ListedAsync(server, "thorin"), Is.Empty);

        // Shown again by id, to the party: no second upload.
        var again = await mcp.CallOkAsync("party_show_handout", new() { ["path_or_id"] = id, ["audience"] = "party" });
        Assert.That(again.StructuredContent!.Value.TryGetProperty("handout", out _), Is.False);
        Assert.That(await HandoutHttp.ListedAsync(server, "thorin"), Is.EqualTo(new[] { id }));
        Assert.That(await HandoutHttp.ListedAsync(server, "dm"), Has.Count.EqualTo(3), "the demo's two and this one");
    }

    [Test]
    public async Task Tv_SetThenClear_ReachesTheObserverScreen()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        await using var tv = await server.ConnectAsync("observer");
        var id = await HandoutHttp.UploadPngAsync(server, "Wanted poster");

        var set = await mcp.CallOkAsync("party_tv", new() { ["handout_id"] = id });
        await tv.WaitForAsync(f => f.Type == "tv" && f.Raw.Contains(id, StringComparison.Ordinal), "tv frame");
        var cleared = await mcp.CallOkAsync("party_tv", new() { ["clear"] = true });
        await tv.WaitForAsync(f => f.Type == "tv" && !f.Raw.Contains(id, StringComparison.Ordinal), "tv cleared");

        Assert.That(McpHarness.Text(set), Does.Contain("Wanted poster"));
        Assert.That(McpHarness.Text(cleared), Does.Contain("story again"));
    }

    [Test]
    public async Task HandoutTools_BadArguments_AreToolErrorsNamingTheProblem()
    {
        await using var server = await TestServer.StartAsync();
        await using var mcp = await McpHarness.InProcessAsync(server.DataDirectory);
        using var art = new TempFolder();
        var svg = Path.Combine(art.Path, "trap.svg");
        await File.WriteAllBytesAsync(svg, TestImages.Svg());

        var notImage = await mcp.CallAsync("party_show_handout", new() { ["path_or_id"] = svg });
        var missing = await mcp.CallAsync("party_show_handout", new() { ["path_or_id"] = Path.Combine(art.Path, "none.png") });
        var unknown = await mcp.CallAsync("party_show_handout", new() { ["path_or_id"] = "ho_000099" });
        var both = await mcp.CallAsync("party_tv", new() { ["handout_id"] = "ho_000001", ["clear"] = true });
        var neither = await mcp.CallAsync("party_tv");

        Assert.That(new[] { notImage, missing, unknown, both, neither }.Select(r => r.IsError), Is.All.True);
        Assert.That(McpHarness.Text(notImage), Does.Contain("path_or_id").And.Contain(svg).And.Contain("not a PNG"));
        Assert.That(McpHarness.Text(missing), Does.Contain("There is no file"));
        Assert.That(McpHarness.Text(unknown), Does.Contain("ho_000099").And.Contain("not_found"));
        Assert.That(McpHarness.Text(both), Does.Contain("handout_id").And.Contain("clear"));
        Assert.That(McpHarness.Text(neither), Does.Contain("clear=true"));
    }
}
