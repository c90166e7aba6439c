using System.Text.Json.Nodes;
using PartyMode.Cli.Commands;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Campaigns.Dm20;

/// <summary>docs/protocol.md §10.2: export-dm20 writes the table's state back, keeps every other key, keeps a .bak.</summary>
public sealed class Dm20WriteBackTests
{
    [Test]
    public async Task ExportDm20_AfterPlay_WritesStateBackAndKeepsEveryOtherKey()
    {
        using var temp = new TempFolder();
        var folder = Dm20Files.WriteSplit(temp.Path);
        var charactersFile = Path.Combine(folder, "characters.json");
        var before = File.ReadAllText(charactersFile);
        var data = Path.Combine(temp.Path, "data");
        await using (var server = await TestServer.StartAsync(dataDirectory: data, campaignFile: folder))
        {
            using var dm = server.Client("dm");
            var patch = new System.Net.Http.StringContent("""{"hp":7,"temp_hp":3,"conditions":["poisoned"],"spell_slots":{"1":{"used":3,"max":4},"2":{"used":0,"max":2}},"inventory":["Spellbook","Rope (2)","Quarterstaff (equipped)"]}""", System.Text.Encoding.UTF8, "application/json");
            var response = await dm.PatchAsync("/api/dm/characters/elara-moonwhisper", patch);
            Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(["campaign", "export-dm20", "--into", folder, "--data", data], output, error);

        Assert.That(code, Is.EqualTo(0), error.ToString());
        Assert.That(output.ToString(), Does.Contain("Elara Moonwhisper"));
        Assert.That(File.ReadAllText(charactersFile + ".bak"), Is.EqualTo(before));
        var old = JsonNode.Parse(before)!["elara"]!.AsObject();
        var now = JsonNode.Parse(File.ReadAllText(charactersFile))!["elara"]!.AsObject();
        Assert.That((int)now["hit_points_current"]!, Is.EqualTo(7));
        Assert.That((int)now["temporary_hit_points"]!, Is.EqualTo(3));
        Assert.That(now["conditions"]!.ToJsonString(), Is.EqualTo("[\"poisoned\"]"));
        Assert.That((int)now["spell_slots_used"]!["1"]!, Is.EqualTo(3));
        var items = now["inventory"]!.AsArray();
        Assert.That(items.Select(i => (string)i!["name"]!), Is.EqualTo(new[] { "Spellbook", "Rope" }));
        Assert.That(JsonNode.DeepEquals(items[0], old["inventory"]![0]), Is.True, "a kept item keeps its id, description and weight");
        Assert.That((int)items[1]!["quantity"]!, Is.EqualTo(2));
        string[] written = ["hit_points_current", "temporary_hit_points", "conditions", "spell_slots_used", "hit_dice_remaining", "death_saves_success", "death_saves_failure", "inventory"];
        foreach (var (key, value) in old.Where(p => !written.Contains(p.Key)))
        {
            Assert.That(JsonNode.DeepEquals(now[key], value), Is.True, $"{key} kept");
        }
    }
}
