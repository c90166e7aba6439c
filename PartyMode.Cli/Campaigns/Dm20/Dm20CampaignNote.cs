using System.Text;
using System.Text.Json.Nodes;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>
/// What PartyMode does not track of a dm20 campaign (world notes, the game state, quests, encounters, the
/// session log) in one DM-only note the imported story starts with, so nothing is lost without the DM seeing it.
/// </summary>
internal static class Dm20CampaignNote
{
    private static readonly string[] StateKeys = ["current_session", "current_date_in_game", "current_location", "party_level", "party_funds", "notes"];

    public static string Write(Dm20Fields root, List<string> problems, Dm20ReportEntry entry)
    {
        var note = new StringBuilder("Imported from dm20.");
        Section(note, "Campaign", root.Str("description"));
        Section(note, "Setting", root.Raw("setting") is { } setting ? Dm20Mapper.Text(setting) : null);
        Section(note, "DM", root.Str("dm_name"));
        Section(note, "World notes", root.Str("world_notes"));
        if (root.Object("game_state") is { } state)
        {
            var lines = StateKeys
                .Where(k => Dm20Fields.HoldsSomething(state[k]))
                .Select(k => $"{k.Replace('_', ' ')}: {Dm20Mapper.Text(state[k])}");
            Section(note, "Game state", string.Join("\n", lines));
            if (Dm20Fields.HoldsSomething(state["initiative_order"]))
            {
                entry.NotCarried.Add("game_state.initiative_order (start the fight again with party_start_combat)");
            }
        }

        if (root.Object("quests") is { Count: > 0 } quests)
        {
            Section(note, "Quests", string.Join("\n", quests.Select(q => Quest(q.Key, q.Value as JsonObject))));
            entry.NotCarried.Add($"quests ({quests.Count}): summarized in the DM note the story starts with, not tracked");
        }

        if (root.Object("encounters") is { Count: > 0 } encounters)
        {
            Section(note, "Encounters", string.Join("\n", encounters.Select(e => Encounter(e.Key, e.Value as JsonObject))));
            entry.NotCarried.Add($"encounters ({encounters.Count}): summarized in the DM note, not tracked");
        }

        var sessions = root.Array("sessions").Select(s => s.Item).OfType<JsonObject>().ToList();
        if (sessions.Count > 0)
        {
            Section(note, "Sessions so far", string.Join("\n", sessions.Select(s => $"- Session {Dm20Mapper.Text(s["session_number"])}{(s["title"] is { } t ? " — " + Dm20Mapper.Text(t) : "")}: {Dm20Mapper.Text(s["summary"])}")));
            entry.NotCarried.Add($"sessions ({sessions.Count}): their summaries are in the DM note; PartyMode's story starts here");
        }

        root.Use("game_state", "dm_name", "world_notes", "setting");
        return note.Length == "Imported from dm20.".Length ? "" : note.ToString();
    }

    private static string Encounter(string key, JsonObject? e) =>
        e is null ? "- " + key : $"- {(Dm20Mapper.Text(e["name"]) is { Length: > 0 } n ? n : key)} ({Dm20Mapper.Text(e["status"])}): {Dm20Mapper.Text(e["description"])}";

    private static string Quest(string key, JsonObject? q) =>
        q is null ? "- " + key : $"- {(Dm20Mapper.Text(q["title"]) is { Length: > 0 } t ? t : key)} ({Dm20Mapper.Text(q["status"])}): {Dm20Mapper.Text(q["description"])}";

    private static void Section(StringBuilder note, string title, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            note.Append("\n\n").Append(title).Append(":\n").Append(text.Trim());
        }
    }
}
