using System.ComponentModel;
using ModelContextProtocol.Server;

namespace PartyMode.Cli.Mcp;

/// <summary>The slash commands of Party Mode as MCP prompts; the texts live in <see cref="PromptTexts"/>.</summary>
[McpServerPromptType]
internal sealed class PartyPrompts
{
    [McpServerPrompt(Name = "party-mode", Title = "Start Party Mode")]
    [Description("Start Party Mode and show the players' join links and QR codes.")]
    public static string PartyMode(
        [Description("Optional TCP port for the players' page (default 8080).")] string? port = null) =>
        PromptTexts.Get("party-mode").Render(port);

    [McpServerPrompt(Name = "party-stop", Title = "Stop Party Mode")]
    [Description("Stop Party Mode gracefully (stored actions are kept).")]
    public static string PartyStop() => PromptTexts.Get("party-stop").Render(null);

    [McpServerPrompt(Name = "party-status", Title = "Party Mode status")]
    [Description("Show Party Mode's table: seats, queue and combat.")]
    public static string PartyStatus() => PromptTexts.Get("party-status").Render(null);

    [McpServerPrompt(Name = "party-next", Title = "Next player action")]
    [Description("Handle the next player action as the game master.")]
    public static string PartyNext() => PromptTexts.Get("party-next").Render(null);

    [McpServerPrompt(Name = "party-auto", Title = "Run the table")]
    [Description("Run the table continuously: handle every player action as it arrives.")]
    public static string PartyAuto() => PromptTexts.Get("party-auto").Render(null);

    [McpServerPrompt(Name = "party-kick", Title = "Kick a player")]
    [Description("Remove a player from the table (their link stops working).")]
    public static string PartyKick(
        [Description("The player id to kick (a character id such as thorin, or observer).")] string player) =>
        PromptTexts.Get("party-kick").Render(player);

    [McpServerPrompt(Name = "party-token", Title = "New join link")]
    [Description("Issue a new join link and QR code for a player.")]
    public static string PartyToken(
        [Description("The player id that gets a new link (a character id such as thorin, or observer).")] string player) =>
        PromptTexts.Get("party-token").Render(player);

    [McpServerPrompt(Name = "party-resume", Title = "Resume the table")]
    [Description("Rebuild the table's context after a break or a context reset: status, open actions, combat, the last 50 events, open roll requests.")]
    public static string PartyResume() => PromptTexts.Get("party-resume").Render(null);

    [McpServerPrompt(Name = "party-recap", Title = "Previously on…")]
    [Description("Write a \"previously on…\" recap from the story and narrate it to everyone.")]
    public static string PartyRecap() => PromptTexts.Get("party-recap").Render(null);

    [McpServerPrompt(Name = "party-npc-turn", Title = "Play the NPC's turn")]
    [Description("Play the current NPC's turn in combat: pick a target, roll, apply damage, narrate, next turn.")]
    public static string PartyNpcTurn() => PromptTexts.Get("party-npc-turn").Render(null);
}
