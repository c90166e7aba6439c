using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine.Campaigns;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>Reads a dm20 campaign in either of dm20's layouts (dm20-protocol's storage.py): one JSON file, or a folder of them.</summary>
internal static class Dm20Reader
{
    /// <summary>The files of a split campaign folder that hold one section each (as dm20 writes them).</summary>
    public static readonly string[] Sections = ["characters", "npcs", "locations", "quests", "encounters", "game_state"];

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Whether parsed JSON is a dm20 monolithic campaign: characters keyed by name, or dm20's game_state.</summary>
    public static bool IsMonolithic(JsonNode? root) => root is JsonObject o
        && (o["characters"] is JsonObject || (o["characters"] is null && (o.ContainsKey("game_state") || o["npcs"] is JsonObject)));

    /// <summary>Whether a folder is a dm20 split campaign (dm20 itself asks for campaign.json).</summary>
    public static bool IsSplitFolder(string folder) => File.Exists(Path.Combine(folder, "campaign.json"));

    public static Dm20Input ReadFile(string file, JsonObject root) => new(root, null, false, file);

    public static Dm20Input ReadFolder(string folder)
    {
        var campaign = ParseObject(Path.Combine(folder, "campaign.json"));
        foreach (var section in Sections)
        {
            var file = Path.Combine(folder, section + ".json");
            if (File.Exists(file))
            {
                campaign[section] = ParseObject(file);
            }
        }

        var sessions = new JsonArray();
        var sessionsFolder = Path.Combine(folder, "sessions");
        if (Directory.Exists(sessionsFolder))
        {
            foreach (var file in Directory.GetFiles(sessionsFolder, "session-*.json").Order(StringComparer.Ordinal))
            {
                sessions.Add((JsonNode)ParseObject(file));
            }
        }

        campaign["sessions"] = sessions;
        var discoveryFile = Path.Combine(folder, "discovery_state.json");
        // dm20 starts fresh from a damaged discovery file; so does the import (every location explored).
        JsonObject? discovery = null;
        try
        {
            discovery = File.Exists(discoveryFile) ? ParseObject(discoveryFile) : null;
        }
        catch (CampaignException)
        {
            discovery = null;
        }

        return new Dm20Input(campaign, discovery, true, folder);
    }

    public static JsonNode? Parse(string text, string name)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: Lenient);
        }
        catch (JsonException ex)
        {
            throw new CampaignException([$"{name}: line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: not valid JSON"]);
        }
    }

    private static JsonObject ParseObject(string file)
    {
        var name = Path.GetFileName(file);
        return Parse(File.ReadAllText(file), name) as JsonObject
            ?? throw new CampaignException([$"{name}: $: must be an object, as dm20 writes it"]);
    }
}
