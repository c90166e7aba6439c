using System.Text.Json;

namespace PartyMode.Cli.Client;

/// <summary>A DM API combat answer as one line of text (the CLI's status and the MCP tools' summaries).</summary>
internal static class CombatText
{
    public static string Describe(JsonElement combat)
    {
        if (combat.ValueKind != JsonValueKind.Object || (combat.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.False))
        {
            return "none (exploration)";
        }

        var mode = combat.Str("mode", "turn_based");
        var turn = combat.Str("current_turn", "nobody");
        return mode == "simultaneous"
            ? $"round {combat.Str("round", "?")}, simultaneous round open: {combat.Str("prompt")}"
            : $"round {combat.Str("round", "?")}, turn of {turn}";
    }
}
