namespace PartyMode.Cli.Protocol;

/// <summary>
/// What to do about an engine error, per host and keyed by error code: the engine's message says what is
/// wrong in domain words; the HTTP API names a route, the MCP server a tool and the CLI a command or flag.
/// </summary>
internal static class ErrorRemedies
{
    private static readonly Dictionary<string, Remedy> Table = new(StringComparer.Ordinal)
    {
        ["combat_active"] = new(
            Http: "End it first with POST /api/dm/combat/end.",
            Mcp: "End it first with party_end_combat.",
            Cli: null),
        ["simultaneous_active"] = new(
            Http: "POST /api/dm/combat/end ends it early.",
            Mcp: "party_end_combat ends it early.",
            Cli: null),
        ["no_combat"] = new(
            Http: "Start one with POST /api/dm/combat/start.",
            Mcp: "Start one with party_start_combat.",
            Cli: null),
        ["storage_failed"] = new(
            Http: "Restart the daemon (partymode serve); nothing acknowledged was lost.",
            Mcp: "Restart Party Mode with stop_party_mode and start_party_mode; nothing acknowledged was lost.",
            Cli: "Restart the daemon with partymode serve; nothing acknowledged was lost."),
        ["not_found"] = new(
            Http: null,
            Mcp: "Check the id with list_characters, list_npcs or get_party_status.",
            Cli: "Check the id: partymode token show lists the seats."),
        ["bad_dice"] = new(
            Http: null,
            Mcp: "Use dice like 1d20+5, 2d6+3, 4d6kh3 or 1d20adv.",
            Cli: null),
        ["bad_seat"] = new(
            Http: "The DM's token is in dm.token in the data folder.",
            Mcp: "The DM's token is in dm.token in the data folder.",
            Cli: "The DM's token is in dm.token in the data folder."),
    };

    /// <summary>An engine error's message as the HTTP API sends it.</summary>
    public static string ForHttp(string code, string message) => Append(message, Table.GetValueOrDefault(code)?.Http);

    /// <summary>A DM API error's message as an MCP tool reports it: the HTTP remedy swapped for the tool to call.</summary>
    public static string ForMcp(string code, string httpMessage) => Append(WithoutHttp(code, httpMessage), Table.GetValueOrDefault(code)?.Mcp);

    /// <summary>An error's message as a CLI command prints it: the HTTP remedy (if any) swapped for the command to run.</summary>
    public static string ForCli(string code, string message) => Append(WithoutHttp(code, message), Table.GetValueOrDefault(code)?.Cli);

    private static string WithoutHttp(string code, string message)
    {
        var http = Table.GetValueOrDefault(code)?.Http;
        return http is not null && message.EndsWith(" " + http, StringComparison.Ordinal) ? message[..^(http.Length + 1)] : message;
    }

    private static string Append(string message, string? remedy)
    {
        if (remedy is null)
        {
            return message;
        }

        var end = message.TrimEnd();
        return end.Length == 0 ? remedy : end.EndsWith('.') ? $"{end} {remedy}" : $"{end}. {remedy}";
    }

    private sealed record Remedy(string? Http, string? Mcp, string? Cli);
}
