using System.Text.Json;
using PartyMode.Tests.Mcp.Support;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp;

/// <summary>CLI-MCP v2 "Errors": typed schemas, argument errors that name the argument, prompts' own texts.</summary>
public sealed class McpArgumentErrorTests
{
    [Test]
    public async Task ListTools_EveryToolOfEveryHelper_GivesEveryPropertyAType()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var tools = await mcp.Client.ListToolsAsync();

        Assert.That(tools, Has.Count.GreaterThan(26));
        var untyped = new List<string>();
        foreach (var tool in tools)
        {
            Assert.That(tool.JsonSchema.GetProperty("type").GetString(), Is.EqualTo("object"), tool.Name);
            foreach (var property in tool.JsonSchema.GetProperty("properties").EnumerateObject())
            {
                if (!property.Value.TryGetProperty("type", out var type) || type.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
                {
                    untyped.Add($"{tool.Name}.{property.Name}");
                }
            }
        }

        Assert.That(untyped, Is.Empty, "properties without a type");
    }

    [Test]
    public async Task ListTools_ObjectAndListArguments_HaveTheirRealTypes()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var tools = (await mcp.Client.ListToolsAsync()).ToDictionary(t => t.Name);
        string TypeOf(string tool, string property) => tools[tool].JsonSchema.GetProperty("properties").GetProperty(property).GetProperty("type").GetRawText();

        Assert.Multiple(() =>
        {
            Assert.That(TypeOf("update_character", "changes"), Is.EqualTo("\"object\""));
            Assert.That(TypeOf("party_resolve_action", "private_messages"), Is.EqualTo("\"object\""));
            Assert.That(TypeOf("party_start_combat", "combatants"), Is.EqualTo("\"array\""));
            Assert.That(TypeOf("party_whisper", "players"), Is.EqualTo("\"array\""));
            Assert.That(TypeOf("party_narrate", "audience"), Does.Contain("\"string\"").And.Contain("\"array\""));
        });
    }

    [Test]
    public async Task CallTool_MissingRequiredArgument_IsAToolErrorNamingTheArgumentAndItsForm()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var result = await mcp.CallAsync("get_character");

        Assert.That(result.IsError, Is.True);
        var text = McpHarness.Text(result);
        Assert.That(text, Does.Contain("'id'").And.Contain("a string").And.Contain("\"thorin\""));
        Assert.That(text, Does.Not.Contain("An error occurred"));
        Assert.That(result.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("bad_argument"));
    }

    [Test]
    public async Task CallTool_WrongType_IsAToolErrorNamingTheArgumentAndTheExpectedForm()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var result = await mcp.CallAsync("party_pop_action", new() { ["wait_seconds"] = "soon" });
        var list = await mcp.CallAsync("party_whisper", new() { ["players"] = 5, ["text"] = "x" });

        Assert.That(result.IsError, Is.True);
        Assert.That(McpHarness.Text(result), Does.Contain("'wait_seconds'").And.Contain("an integer").And.Contain("\"soon\""));
        Assert.That(list.IsError, Is.True);
        Assert.That(McpHarness.Text(list), Does.Contain("'players'").And.Contain("a JSON list"));
    }

    [Test]
    public async Task CallTool_NumberAsText_IsAcceptedAndReachesTheDaemonCheck()
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var result = await mcp.CallAsync("party_pop_action", new() { ["wait_seconds"] = "1" });

        // Not a bad argument: the call went on and found no daemon.
        Assert.That(result.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("not_running"));
    }

    [TestCase("party-kick")]
    [TestCase("party-token")]
    public async Task GetPrompt_WithoutPlayer_GivesThePromptsOwnTextForThatCase(string name)
    {
        using var temp = new TempFolder();
        await using var mcp = await McpHarness.ChildProcessAsync(Path.Combine(temp.Path, "data"));

        var text = await mcp.PromptTextAsync(name);

        Assert.That(text, Does.Contain("(none given)").And.Contain("If no player id was given, call `list_characters`"));
    }
}
