using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>The story book (docs/protocol.md §10.1) for the AI DM: recaps, session summaries, a player's view.</summary>
[McpServerToolType]
internal sealed class ExportTools(DaemonAccess access)
{
    [McpServerTool(Name = "party_export_story", Title = "Export the story", ReadOnly = true, OpenWorld = false)]
    [Description("Returns the story so far as Markdown, exactly as one seat saw it: narrative, actions with the actor's name, private parts marked private, rolls with their visibility, handouts, sheet changes, and DM notes only in the DM's book. Use it for a recap or to check what a player knows. Example: party_export_story() for the DM's full book, party_export_story(as=\"thorin\") for Thorin's.")]
    public Task<CallToolResult> PartyExportStory(
        [Description("Whose book: a player id (e.g. \"thorin\"), \"observer\" or \"dm\"; default \"dm\", the full book.")] string? @as = null,
        [Description("\"md\" (Markdown, the default) or \"html\" (one self-contained printable page, returned as text).")] string? format = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var word = (format ?? "md").Trim().ToLowerInvariant();
            if (word is not ("md" or "markdown" or "html"))
            {
                throw new ToolInputException($"format must be \"md\" or \"html\", not \"{format}\". Example: party_export_story(as=\"thorin\", format=\"md\").");
            }

            var text = await client.ExportStoryAsync(string.IsNullOrWhiteSpace(@as) ? null : @as.Trim(), word == "html" ? "html" : "md", null, cancellationToken);
            var structured = JsonText.Element(new JsonObject
            {
                ["as"] = string.IsNullOrWhiteSpace(@as) ? "dm" : @as.Trim(),
                ["format"] = word == "html" ? "html" : "md",
            });
            return ToolResults.Ok(text, structured);
        });
}
