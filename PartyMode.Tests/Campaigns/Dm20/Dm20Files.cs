using System.Text.Json.Nodes;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Campaigns.Dm20;

/// <summary>dm20 campaigns for the tests: the published example, and the split folder dm20 writes from it.</summary>
internal static class Dm20Files
{
    public static string Data(string name) => Path.Combine(RepoPaths.Root, "PartyMode.Tests", "Campaigns", "Dm20", "Data", name);

    public static JsonObject Shadowfen() => (JsonObject)JsonNode.Parse(File.ReadAllText(Data("shadowfen-campaign.json")))!;

    /// <summary>The example as dm20's migrate_campaign.py splits it (created_at and updated_at null: the example has none).</summary>
    public static string WriteSplit(string parent, JsonObject? campaign = null, JsonObject? discovery = null)
    {
        campaign ??= Shadowfen();
        var folder = Path.Combine(parent, "campaigns", "Shadows of Shadowfen");
        Directory.CreateDirectory(Path.Combine(folder, "sessions"));
        var metadata = new JsonObject
        {
            ["id"] = campaign["id"]?.DeepClone(),
            ["name"] = campaign["name"]?.DeepClone(),
            ["description"] = campaign["description"]?.DeepClone(),
            ["dm_name"] = campaign["dm_name"]?.DeepClone(),
            ["setting"] = campaign["setting"]?.DeepClone(),
            ["world_notes"] = campaign["world_notes"]?.DeepClone() ?? "",
            ["created_at"] = campaign["created_at"]?.DeepClone(),
            ["updated_at"] = campaign["updated_at"]?.DeepClone(),
        };
        Write(Path.Combine(folder, "campaign.json"), metadata);
        foreach (var section in new[] { "characters", "npcs", "locations", "quests", "encounters", "game_state" })
        {
            Write(Path.Combine(folder, section + ".json"), campaign[section]?.DeepClone() ?? new JsonObject());
        }

        foreach (var session in campaign["sessions"]!.AsArray())
        {
            Write(Path.Combine(folder, "sessions", $"session-{(int)session!["session_number"]!:000}.json"), session.DeepClone());
        }

        if (discovery is not null)
        {
            Write(Path.Combine(folder, "discovery_state.json"), discovery);
        }

        return folder;
    }

    public static void Write(string file, JsonNode node) => File.WriteAllText(file, node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
}
