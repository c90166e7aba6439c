using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;
using PartyMode.Cli.Handouts;

namespace PartyMode.Cli.Mcp;

/// <summary>Handouts and the TV (CLI-MCP v2; docs/protocol.md §9): a local image path is read here and uploaded to the daemon.</summary>
[McpServerToolType]
internal sealed partial class HandoutTools(DaemonAccess access)
{
    [McpServerTool(Name = "party_show_handout", Title = "Show a handout", Destructive = false, OpenWorld = false)]
    [Description("Shows an image (a map, a letter, a portrait) on the chosen screens: it opens full screen on those phones and stays in their Handouts tab; shown to everyone or \"tv\", it also fills the TV. Give a local image file (PNG, JPEG, WebP or GIF; it is uploaded) or the id of a handout already uploaded (\"ho_000001\", to show it again or to more players). Example: party_show_handout(path_or_id=\"/home/dm/maps/cellar.png\", title=\"The cellar\", audience=\"party\") or party_show_handout(path_or_id=\"ho_000002\", audience=[\"vex\"], text=\"The note in the dead man's pocket.\").")]
    public Task<CallToolResult> PartyShowHandout(
        [Description("A path to an image file on this machine (PNG, JPEG, WebP or GIF; SVG is refused), or a handout id such as \"ho_000001\".")] string path_or_id,
        [Description("For a new file: the title the table reads (default: the file name).")] string? title = null,
        [Description("Who sees it: \"public\" (default: everyone, the TV too), \"party\" (players and you), \"tv\" (the TV only), \"dm\" (only you), or a list of player ids such as [\"vex\"].")] JsonElement? audience = null,
        [Description("Optional note shown with the image, e.g. \"Scrawled in charcoal.\"")] string? text = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            if (string.IsNullOrWhiteSpace(path_or_id))
            {
                throw new ToolInputException("path_or_id must be an image file path (e.g. \"/home/dm/maps/cellar.png\") or a handout id such as \"ho_000001\".");
            }

            var who = AudienceOf(audience);
            var given = path_or_id.Trim();
            JsonElement? uploaded = null;
            var id = given;
            if (!HandoutId().IsMatch(given))
            {
                LocalImage image;
                try
                {
                    image = LocalImage.Read(given);
                }
                catch (InvalidDataException ex)
                {
                    throw new ToolInputException($"path_or_id: {ex.Message}", ex);
                }

                uploaded = (await client.UploadHandoutAsync(image, string.IsNullOrWhiteSpace(title) ? image.DefaultTitle : title.Trim(), cancellationToken)).Prop("handout");
                id = uploaded.Value.Str("id");
            }

            var shown = await client.ShowHandoutAsync(id, who, string.IsNullOrWhiteSpace(text) ? null : text, cancellationToken);
            var e = shown.Prop("event");
            var structured = new JsonObject { ["event"] = JsonNode.Parse(e.GetRawText()) };
            if (uploaded is { } u)
            {
                structured["handout"] = JsonNode.Parse(u.GetRawText());
            }

            var message = $"Showed '{e.Str("title")}' ({id}, {e.Str("width")}×{e.Str("height")}) to {Describe(who)}."
                + (who is JsonValue v && v.GetValue<string>() is "public" or "tv" || who is null ? " It fills the TV until party_tv(clear=true) or another handout." : "");
            return ToolResults.Ok(message, JsonText.Element(structured));
        });

    [McpServerTool(Name = "party_tv", Title = "Put a handout on the TV", Destructive = false, OpenWorld = false)]
    [Description("Chooses what the TV (the observer screen) shows full size: a handout, until you clear it or show another, or the story again. Players' phones are not changed. Example: party_tv(handout_id=\"ho_000001\") or party_tv(clear=true).")]
    public Task<CallToolResult> PartyTv(
        [Description("The handout to show on the TV, e.g. \"ho_000001\" (party_show_handout returns ids).")] string? handout_id = null,
        [Description("true to take the handout off the TV and show the story again.")] bool? clear = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var id = string.IsNullOrWhiteSpace(handout_id) ? null : handout_id.Trim();
            if ((id is null) == (clear != true))
            {
                throw new ToolInputException("party_tv takes either handout_id (e.g. \"ho_000001\") to show a handout, or clear=true to show the story again, not both.");
            }

            var answer = await client.SetTvAsync(id, cancellationToken);
            var tv = answer.Prop("tv");
            return ToolResults.Ok(id is null ? "The TV shows the story again." : $"The TV now shows '{tv.Str("title")}' ({id}) full size.", answer);
        });

    private static JsonNode? AudienceOf(JsonElement? audience) =>
        audience is { ValueKind: JsonValueKind.String } s && s.GetString()!.Trim().Equals("tv", StringComparison.OrdinalIgnoreCase)
            ? JsonValue.Create("tv")
            : ToolArguments.Audience(audience);

    private static string Describe(JsonNode? who) => who switch
    {
        null => "everyone",
        JsonArray list => string.Join(", ", list.Select(n => n?.ToString())) + " (and you)",
        _ => who.GetValue<string>() switch
        {
            "public" => "everyone",
            "party" => "the party",
            "tv" => "the TV only",
            _ => "you only",
        },
    };

    [GeneratedRegex("^ho_[0-9]{6,}$")]
    private static partial Regex HandoutId();
}
