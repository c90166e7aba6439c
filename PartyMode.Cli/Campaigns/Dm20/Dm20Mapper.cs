using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine.Campaigns;

namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>A dm20 campaign as a PartyMode campaign file (docs/protocol.md §10.2), with the report of what was not carried over.</summary>
internal static class Dm20Mapper
{
    public static (JsonObject Campaign, Dm20Report Report) Map(Dm20Input input)
    {
        var problems = new List<string>();
        var root = new Dm20Fields(input.Campaign, input.PathOf(null), problems);
        var name = root.Str("name", required: true) ?? "dm20 campaign";
        var report = new Dm20Report(name, input.Description);
        var campaignEntry = new Dm20ReportEntry("campaign", "Campaign", Slugs.Of(name), root.Str("id"));
        var id = campaignEntry.Id.Length > 0 ? campaignEntry.Id : "dm20-campaign";
        var campaign = new JsonObject { ["id"] = id, ["name"] = name };
        if (root.Str("description") is { Length: > 0 } description)
        {
            campaign["description"] = description;
        }

        var met = Encountered(root, problems);
        campaign["characters"] = Records(root, input, "characters", problems, (value, key, at, ids) => Dm20CharacterMapper.Map(value, key, at, ids, problems, report), "dm", "observer");
        campaign["npcs"] = Records(root, input, "npcs", problems, (value, key, at, ids) => Npc(value, key, at, ids, met, problems, report));
        campaign["locations"] = Records(root, input, "locations", problems, (value, key, at, ids) => Location(value, key, at, ids, input.Discovery, problems, report));
        if (((JsonArray)campaign["characters"]!).Count == 0 && problems.Count == 0)
        {
            problems.Add($"{input.PathOf("characters")}: has no characters; PartyMode needs at least one (one seat each)");
        }

        var note = Dm20CampaignNote.Write(root, problems, campaignEntry);
        if (note.Length > 0)
        {
            campaign["opening"] = new JsonArray(new JsonObject { ["type"] = "dm_note", ["audience"] = "dm", ["text"] = note });
        }

        root.Use("id", "name", "description", "characters", "npcs", "locations", "created_at", "updated_at");
        campaignEntry.NotCarried.AddRange(root.Unused());
        report.Entries.Insert(0, campaignEntry);
        if (problems.Count > 0)
        {
            throw new CampaignException(problems);
        }

        return (campaign, report);
    }

    private static JsonArray Records(Dm20Fields root, Dm20Input input, string section, List<string> problems, Func<JsonNode?, string, string, Slugs, JsonObject?> map, params string[] reserved)
    {
        var list = new JsonArray();
        var value = root.Raw(section);
        if (value is null)
        {
            return list;
        }

        if (value is not JsonObject records)
        {
            problems.Add($"{input.PathOf(section)}: must be an object keyed by name, as dm20 writes it");
            return list;
        }

        var ids = new Slugs(reserved);
        foreach (var (key, record) in records)
        {
            if (map(record, key, $"{input.PathOf(section)}.{key}", ids) is { } mapped)
            {
                list.Add((JsonNode)mapped);
            }
        }

        return list;
    }

    private static JsonObject? Npc(JsonNode? value, string key, string at, Slugs ids, HashSet<string> met, List<string> problems, Dm20Report report)
    {
        var f = Dm20Fields.Of(value, at, problems);
        if (f is null)
        {
            return null;
        }

        var name = f.Str("name", required: true) ?? key;
        var entry = new Dm20ReportEntry("npc", name, ids.Next(name, key), f.Str("id") ?? key);
        report.Entries.Add(entry);
        var notes = new StringBuilder();
        Line(notes, "Race", f.Str("race"));
        Line(notes, "Occupation", f.Str("occupation"));
        Line(notes, "Where", f.Str("location"));
        Line(notes, "Attitude", f.Str("attitude"));
        Paragraph(notes, f.Str("bio"));
        Paragraph(notes, f.Str("notes"));
        if (f.Object("relationships") is { Count: > 0 } relationships)
        {
            Paragraph(notes, "Relationships: " + string.Join("; ", relationships.Select(r => $"{r.Key}: {Text(r.Value)}")));
        }

        if (f.Object("stats") is { Count: > 0 } stats)
        {
            Paragraph(notes, "Stats: " + string.Join(", ", stats.Select(s => $"{s.Key} {Text(s.Value)}")));
        }

        var description = f.Str("description") ?? "";
        f.Use("id", "created_at", "updated_at");
        entry.NotCarried.AddRange(f.Unused());
        return new JsonObject
        {
            ["id"] = entry.Id,
            ["source_id"] = entry.SourceId,
            ["name"] = name,
            ["description"] = description,
            ["dm_notes"] = notes.ToString().Trim(),
            // dm20 has no "known" flag: an NPC the session notes say the party met is known.
            ["known"] = met.Contains(name) || met.Contains(key),
        };
    }

    private static JsonObject? Location(JsonNode? value, string key, string at, Slugs ids, JsonObject? discovery, List<string> problems, Dm20Report report)
    {
        var f = Dm20Fields.Of(value, at, problems);
        if (f is null)
        {
            return null;
        }

        var name = f.Str("name", required: true) ?? key;
        var sourceId = f.Str("id") ?? key;
        var entry = new Dm20ReportEntry("location", name, ids.Next(name, key), sourceId);
        report.Entries.Add(entry);
        var notes = new StringBuilder();
        Line(notes, "Type", f.Str("location_type"));
        Line(notes, "Population", f.Raw("population") is JsonValue p ? p.ToJsonString() : null);
        Line(notes, "Government", f.Str("government"));
        Paragraph(notes, f.Str("notes"));
        List("Notable features", f.Strings("notable_features"), notes);
        List("NPCs here", f.Strings("npcs"), notes);
        List("Connections", f.Strings("connections"), notes);
        var description = f.Str("description") ?? "";
        f.Use("id", "created_at", "updated_at");
        entry.NotCarried.AddRange(f.Unused());
        return new JsonObject
        {
            ["id"] = entry.Id,
            ["source_id"] = sourceId,
            ["name"] = name,
            ["description"] = description,
            ["dm_notes"] = notes.ToString().Trim(),
            ["discovered"] = Discovered(discovery, key, sourceId, name),
        };
    }

    /// <summary>dm20's discovery tracker: a tracked location is discovered from "glimpsed" (level 1) on; an untracked one counts as explored.</summary>
    private static bool Discovered(JsonObject? discovery, params string[] names)
    {
        if (discovery?["locations"] is not JsonObject locations)
        {
            return true;
        }

        foreach (var n in names)
        {
            if (locations[n] is JsonObject state)
            {
                return state["overall_level"] is JsonValue level && level.GetValueKind() == JsonValueKind.Number && level.GetValue<double>() >= 1;
            }
        }

        return true;
    }

    private static HashSet<string> Encountered(Dm20Fields root, List<string> problems)
    {
        var met = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (root.Node["sessions"] is JsonArray sessions)
        {
            foreach (var s in sessions.OfType<JsonObject>())
            {
                if (s["npcs_encountered"] is JsonArray names)
                {
                    met.UnionWith(names.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()));
                }
            }
        }

        return met;
    }

    internal static string Text(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "";

    private static void Line(StringBuilder notes, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            notes.Append(label).Append(": ").Append(value).Append('\n');
        }
    }

    private static void Paragraph(StringBuilder notes, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            notes.Append('\n').Append(text).Append('\n');
        }
    }

    private static void List(string label, List<string> items, StringBuilder notes)
    {
        if (items.Count > 0)
        {
            notes.Append('\n').Append(label).Append(":\n").Append(string.Join('\n', items.Select(i => "- " + i))).Append('\n');
        }
    }
}
