using System.Diagnostics;
using System.Text.Json;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>The real <c>partymode mcp</c> executable driven over stdio by the SDK's MCP client.</summary>
public sealed class McpStdioTests
{
    // The tool names of CLI-MCP.md (kept from the seed system), plus list_locations.
    private static readonly string[] ContractTools =
    [
        "start_party_mode", "stop_party_mode", "get_party_status", "party_pop_action", "party_resolve_action",
        "party_requeue_action", "party_cancel_action", "party_narrate", "party_whisper", "party_roll",
        "party_kick_player", "party_refresh_token", "list_characters", "get_character", "update_character",
        "list_npcs", "get_npc", "get_location", "reveal_npc", "reveal_location", "party_start_combat",
        "party_next_turn", "party_update_combatant", "party_simultaneous_round", "party_end_combat", "get_combat_state",
    ];

    private static readonly Dictionary<string, string[]> ContractArguments = new()
    {
        ["party_resolve_action"] = ["action_id", "narrative", "private_messages", "dm_notes", "audience"],
        ["party_pop_action"] = ["wait_seconds", "action_id"], // action_id: an extension (take that action, docs/mcp.md)
        ["start_party_mode"] = ["port", "campaign"],
        ["party_roll"] = ["expr", "visibility", "player", "label"],
        ["update_character"] = ["id", "changes"],
        ["party_narrate"] = ["narrative", "audience", "private_messages", "dm_notes"],
        ["party_whisper"] = ["players", "text"],
        ["party_simultaneous_round"] = ["prompt", "timeout_seconds", "players"],
        ["party_update_combatant"] = ["id", "hp", "conditions", "hidden"],
        ["party_cancel_action"] = ["action_id", "reason"],
    };

    [Test]
    public async Task ListTools_ChildProcess_OffersEveryContractToolDescribedForAModel()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var tools = await mcp.Client.ListToolsAsync();

        Assert.That(tools.Select(t => t.Name), Is.SupersetOf(ContractTools));
        foreach (var tool in tools)
        {
            Assert.That(tool.Description, Does.Contain("Example:"), $"{tool.Name} needs a description with an example");
            var properties = tool.JsonSchema.GetProperty("properties");
            foreach (var parameter in properties.EnumerateObject())
            {
                Assert.That(parameter.Value.TryGetProperty("description", out var d) && d.GetString()!.Length > 10, Is.True, $"{tool.Name}.{parameter.Name} needs a description");
            }
        }
    }

    [Test]
    public async Task ToolSchemas_ChildProcess_UseTheContractArgumentNames()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var tools = (await mcp.Client.ListToolsAsync()).ToDictionary(t => t.Name);

        foreach (var (tool, expected) in ContractArguments)
        {
            var names = tools[tool].JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name);
            Assert.That(names, Is.EquivalentTo(expected), tool);
        }
    }

    [Test]
    public async Task DaemonTool_NoDaemonRunning_IsAToolErrorNamingStartPartyMode()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var result = await mcp.CallAsync("party_pop_action");

        Assert.That(result.IsError, Is.True);
        Assert.That(McpHarness.Text(result), Does.StartWith("Party Mode is not running: call start_party_mode"));
        Assert.That(result.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("not_running"));
    }

    [Test]
    public async Task DaemonTool_StaleDaemonFile_IsAToolErrorNamingStartPartyMode()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        // A daemon.json left by a crashed daemon: its port answers nothing.
        await File.WriteAllTextAsync(Path.Combine(data, "daemon.json"), JsonSerializer.Serialize(new { url = "http://127.0.0.1:9", pid = Environment.ProcessId, started_at = DateTimeOffset.UtcNow, version = "0.1.0" }));
        await File.WriteAllTextAsync(Path.Combine(data, "dm.token"), "stale-token\n");
        await using var mcp = await McpHarness.ChildProcessAsync(data);

        var result = await mcp.CallAsync("get_party_status");

        Assert.That(result.IsError, Is.True);
        Assert.That(McpHarness.Text(result), Does.Contain("call start_party_mode"));
    }

    [Test]
    public async Task McpServer_ChildProcess_WritesItsLogUnderTheDataFolder()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        await using (var mcp = await McpHarness.ChildProcessAsync(data))
        {
            Assert.That(await mcp.Client.ListToolsAsync(), Is.Not.Empty);
        }

        Assert.That(Directory.Exists(Path.Combine(data, "logs")), Is.True);
    }

    [Test]
    public async Task Stdout_WholeSession_CarriesOnlyJsonRpcMessages()
    {
        using var temp = new TempFolder();
        var start = new ProcessStartInfo(RepoPaths.Executable) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "mcp", "--data", Path.Combine(temp.Path, "data") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_party_status","arguments":{}}}""");
        var lines = new List<string>();
        while (lines.Count < 2 && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        process.StandardInput.Close();
        lines.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines.All(l => JsonDocument.Parse(l).RootElement.GetProperty("jsonrpc").GetString() == "2.0"), Is.True);
        Assert.That(await stderr, Does.Contain("MCP server for the data folder"));
        Assert.That(process.ExitCode, Is.EqualTo(0));
    }
}
