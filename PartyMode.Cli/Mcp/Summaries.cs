using System.Globalization;
using System.Text;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>The short readable text of tool results (the structured content carries the full answer).</summary>
internal static class Summaries
{
    // Readable text for the model: apostrophes and accents stay as they are (this is never HTML).

    public static string Action(JsonElement action)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Action {action.Str("id")} from player {action.Str("player_id")}");
        if (action.Bool("private"))
        {
            text.Append(" (a private whisper to the DM: keep its content out of public narrative)");
        }

        text.Append(CultureInfo.InvariantCulture, $": {PlayerText.Of(action)} [status {action.Str("status")}, submitted {action.Str("submitted_at")}]");
        return text.ToString();
    }

    public static string Character(JsonElement c)
    {
        var conditions = string.Join(", ", c.Items("conditions").Select(x => x.ToString()));
        return string.Create(CultureInfo.InvariantCulture,
            $"{c.Str("id")}: {c.Str("name")} ({c.Str("race")} {c.Str("class")} {c.Str("level")}), HP {c.Str("hp")}/{c.Str("max_hp")}, AC {c.Str("ac")}, conditions: {(conditions.Length == 0 ? "none" : conditions)}");
    }

    public static string Combat(JsonElement combat)
    {
        var text = new StringBuilder("Combat: ").Append(CombatText.Describe(combat)).Append('\n');
        foreach (var c in combat.Items("initiative"))
        {
            var hp = c.TryGetProperty("hp", out var h) && h.ValueKind == JsonValueKind.Number ? $" HP {h}/{c.Str("max_hp", "?")}" : string.Empty;
            var hidden = c.Bool("hidden") ? " (hidden from players)" : string.Empty;
            var conditions = string.Join(", ", c.Items("conditions").Select(x => x.ToString()));
            text.Append(CultureInfo.InvariantCulture,
                $"- {c.Str("initiative")}: {c.Str("name")} [{c.Str("id")}, {c.Str("kind")}]{hp} {c.Str("status")}{(conditions.Length > 0 ? " " + conditions : string.Empty)}{hidden}\n");
        }

        if (combat.Str("prompt").Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Simultaneous round: \"{combat.Str("prompt")}\", waiting for: {string.Join(", ", combat.Items("waiting_for").Select(x => x.ToString()))}\n");
        }

        return text.ToString().TrimEnd();
    }

    public static string Events(JsonElement answer)
    {
        var events = answer.Items("events").ToList();
        var seqs = string.Join(", ", events.Select(e => $"{e.Str("type")} #{e.Str("seq")}"));
        return string.Create(CultureInfo.InvariantCulture, $"Sent {events.Count} event(s): {seqs}.");
    }

    public static string Seat(JsonElement seat)
    {
        var qr = seat.Str("qr");
        return string.Create(CultureInfo.InvariantCulture,
            $"{seat.Str("seat")} ({seat.Str("role")}, {seat.Str("name")}): {(seat.Bool("kicked") ? "KICKED (refresh its token to let it back)" : seat.Str("url"))}{(qr.Length > 0 ? $" | QR image: {qr}" : string.Empty)}");
    }

    /// <summary>The element as one line of JSON, for details the model may need.</summary>
    public static string Json(JsonElement element) => JsonText.Compact(element);
}
