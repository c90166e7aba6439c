using System.Globalization;
using System.Text.Json;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Export;

/// <summary>
/// Turns one event's wire JSON (what <c>/api/events</c> gives that viewer) into a story line, by type. It reads
/// only the wire, so event types added later render as soon as they are on it; an unknown type gets a neutral line.
/// </summary>
internal sealed class StoryEntries(IReadOnlyDictionary<string, string> names, Viewer viewer, IHandoutImages images)
{
    public StoryEntry? From(JsonElement e)
    {
        var type = Str(e, "type") ?? "";
        var time = Str(e, "ts") is { } ts && DateTimeOffset.TryParse(ts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        var text = Str(e, "text") ?? "";
        return type switch
        {
            "narrative" => new StoryEntry(type, time, null, text),
            "action" => Action(e, time),
            "private" => new StoryEntry(type, time, viewer.Role == Role.Player ? "to you" : "to " + List(e, "to"), text, "private"),
            "dm_note" => new StoryEntry(type, time, null, text, "DM only"),
            "roll" => Roll(e, time),
            "handout" => Handout(e, time),
            "sheet_change" => new StoryEntry(type, time, Name(Str(e, "player_id")), Str(e, "summary") ?? text, Str(e, "by") is { } by ? "changed by " + Name(by) : null),
            "system" => new StoryEntry(type, time, null, text),
            _ => new StoryEntry(type, time, null, text.Length > 0 ? text : $"(an event of type {(type.Length > 0 ? type : "unknown")})"),
        };
    }

    private StoryEntry Action(JsonElement e, DateTimeOffset? time)
    {
        var action = e.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        var player = action.ValueKind == JsonValueKind.Object ? Str(action, "player_id") : Str(e, "actor");
        var isPrivate = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("private", out var p) && p.ValueKind == JsonValueKind.True;
        var text = action.ValueKind == JsonValueKind.Object ? Str(action, "text") ?? "" : Str(e, "text") ?? "";
        return new StoryEntry("action", time, Name(player), text, isPrivate ? "private" : null);
    }

    private StoryEntry Roll(JsonElement e, DateTimeOffset? time)
    {
        var who = Str(e, "for") ?? Str(e, "by");
        var parts = new List<string>();
        if (Str(e, "label") is { Length: > 0 } label)
        {
            parts.Add(label + ":");
        }

        parts.Add(Str(e, "expr") ?? "");
        if (Str(e, "mode") is { Length: > 0 } mode && mode != "normal")
        {
            parts.Add($"({mode})");
        }

        var total = e.TryGetProperty("total", out var tot) ? tot.ToString() : "?";
        parts.Add("→ " + total);
        if (e.TryGetProperty("rolls", out var rolls) && rolls.ValueKind == JsonValueKind.Array && rolls.GetArrayLength() > 0)
        {
            parts.Add("(" + string.Join(", ", rolls.EnumerateArray().Select(r => r.ToString())) + ")");
        }

        if (e.TryGetProperty("physical", out var physical) && physical.ValueKind == JsonValueKind.True)
        {
            parts.Add("(rolled at the table)");
        }

        var visibility = Str(e, "visibility");
        var mark = visibility is null or "public" ? null : visibility == "dm" ? "roll: DM only" : "roll: " + visibility;
        return new StoryEntry("roll", time, who is null ? "DM" : Name(who), string.Join(' ', parts.Where(p => p.Length > 0)), mark);
    }

    private StoryEntry Handout(JsonElement e, DateTimeOffset? time)
    {
        var title = Str(e, "title") ?? "Handout";
        var text = Str(e, "text");
        var image = Str(e, "handout_id") is { } id ? images.DataUri(id, viewer) : null;
        return new StoryEntry("handout", time, title, text ?? "", null, image);
    }

    private string List(JsonElement e, string name) =>
        e.TryGetProperty(name, out var to) && to.ValueKind == JsonValueKind.Array
            ? string.Join(", ", to.EnumerateArray().Select(x => Name(x.GetString())))
            : "";

    private string Name(string? id) => id is null ? "someone" : names.TryGetValue(id, out var n) ? n : id;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
