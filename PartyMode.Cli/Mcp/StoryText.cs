using System.Globalization;
using System.Text;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>Stored events as one readable line each; action texts only inside their <see cref="PlayerText"/> block.</summary>
internal static class StoryText
{
    private static readonly HashSet<string> Shown = ["type", "seq", "ts", "text", "action", "action_id", "actor", "to", "from", "expr", "total", "rolls", "label", "for", "visibility", "by", "ref"];

    public static string Lines(IEnumerable<JsonElement> events)
    {
        var text = new StringBuilder();
        foreach (var e in events)
        {
            text.Append(Line(e)).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    public static string Line(JsonElement e)
    {
        var type = e.Str("type");
        var head = string.Create(CultureInfo.InvariantCulture, $"#{e.Str("seq")} {Time(e.Str("ts"))} ");
        var body = type switch
        {
            "action" => Action(e.Prop("action")),
            "narrative" => $"narrative{Answering(e)}: {e.Str("text")}",
            "private" => $"private to {Join(e, "to")}{Answering(e)}: {e.Str("text")}",
            "dm_note" => $"DM note{Answering(e)}: {e.Str("text")}",
            "roll" => Roll(e),
            "edit" => $"edit of #{e.Str("ref")} (the DM replaced its {(e.Str("label").Length > 0 ? "label" : "text")}): {(e.Str("label").Length > 0 ? e.Str("label") : e.Str("text"))}",
            "retract" => $"retraction of #{e.Str("ref")} (the DM withdrew it: treat it as never said)",
            _ => $"{type}{(e.Str("text").Length > 0 ? ": " + e.Str("text") : string.Empty)}",
        };
        var rest = e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().Where(p => !Shown.Contains(p.Name)).Select(p => $"{p.Name}={Summaries.Json(p.Value)}").ToList()
            : [];
        return head + body + (rest.Count > 0 ? " {" + string.Join(", ", rest) + "}" : string.Empty);
    }

    private static string Action(JsonElement action)
    {
        var privately = action.Bool("private") ? " (private: a whisper to the DM)" : string.Empty;
        return $"action {action.Str("id")} by {action.Str("player_id")}{privately}: {PlayerText.Of(action)}";
    }

    private static string Roll(JsonElement e)
    {
        var who = e.Str("for").Length > 0 ? $" for {e.Str("for")}" : string.Empty;
        var by = e.Str("by").Length > 0 && e.Str("by") != "dm" ? $" by {e.Str("by")}" : string.Empty;
        var label = e.Str("label");
        // A player's own roll label is player text too.
        var shownLabel = by.Length > 0 && label.Length > 0 ? PlayerText.Escape(label) : label;
        return $"roll{who}{by} ({e.Str("visibility", "public")}): {(shownLabel.Length > 0 ? shownLabel + " " : string.Empty)}{e.Str("expr")} = {e.Str("total")} (dice {e.Str("rolls")})";
    }

    private static string Answering(JsonElement e) =>
        e.Str("action_id").Length > 0 ? $" (answering {e.Str("action_id")}{(e.Str("actor").Length > 0 ? " by " + e.Str("actor") : string.Empty)})" : string.Empty;

    private static string Join(JsonElement e, string name) => string.Join(", ", e.Items(name).Select(x => x.ToString()));

    private static string Time(string ts) => ts.Length >= 19 ? ts[11..19] : ts;
}
