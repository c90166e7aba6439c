using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>Seat management: kick and new join links.</summary>
[McpServerToolType]
internal sealed class SeatTools(DaemonAccess access)
{
    [McpServerTool(Name = "party_kick_player", Title = "Kick a player", OpenWorld = false)]
    [Description("Removes a player from the table: their link stops working, their open pages are disconnected and their pending actions are cancelled, until party_refresh_token gives them a new link. Example: party_kick_player(player=\"vex\").")]
    public Task<CallToolResult> PartyKickPlayer(
        [Description("The player id (the character id, e.g. \"vex\") or \"observer\".")] string player,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.KickSeatAsync(player, cancellationToken);
            var text = $"Kicked {answer.Str("seat", player)}: {answer.Str("closed_connections", "0")} connection(s) closed, its link no longer works and its pending actions are cancelled. Call party_refresh_token(player=\"{answer.Str("seat", player)}\") to let them back with a new link.";
            return ToolResults.Ok(text, answer);
        });

    [McpServerTool(Name = "party_refresh_token", Title = "New join link for a seat", OpenWorld = false)]
    [Description("Issues a new join link for a seat: the old link stops working at once (use it for a lost phone or a leaked link) and a kick is lifted. Returns the new URL and the path of the new QR image to show the player. Example: party_refresh_token(player=\"thorin\").")]
    public Task<CallToolResult> PartyRefreshToken(
        [Description("The player id (the character id, e.g. \"thorin\") or \"observer\".")] string player,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var answer = await client.RefreshSeatAsync(player, cancellationToken);
            var seat = answer.Str("seat", player);
            var qr = Path.Combine(access.Folder.QrFolder, seat + ".png");
            var text = $"New join link for {seat}: {answer.Str("url")}\nQR image: {qr}\nThe old link no longer works.";
            var structured = JsonText.Element(new JsonObject
            {
                ["seat"] = seat,
                ["token"] = answer.Str("token"),
                ["url"] = answer.Str("url"),
                ["qr"] = qr,
            });
            return QrImages.With(ToolResults.Ok(text, structured), [JsonText.Element(new JsonObject { ["seat"] = seat, ["role"] = seat == "observer" ? "observer" : "player", ["url"] = answer.Str("url") })]);
        });
}
