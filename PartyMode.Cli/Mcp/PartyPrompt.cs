namespace PartyMode.Cli.Mcp;

/// <summary>
/// One slash command: its MCP prompt and its Claude Code command file come from the same template, in which
/// <c>{{ARG}}</c> stands for the argument (the given value over MCP, <c>$ARGUMENTS</c> in Claude Code).
/// <paramref name="Tools"/> are the MCP tools the text directs (the command file's <c>allowed-tools</c>).
/// </summary>
internal sealed record PartyPrompt(string Name, string Description, string? Argument, bool ArgumentRequired, string? ArgumentHint, string[] Tools, string Template)
{
    public const string Placeholder = "{{ARG}}";

    /// <summary>The MCP server's name in Claude Code (<c>claude mcp add partymode …</c>): tools are <c>mcp__partymode__NAME</c>.</summary>
    public const string ServerName = "partymode";

    /// <summary>The prompt text for an MCP client, with the argument filled in.</summary>
    public string Render(string? value) =>
        Template.Replace(Placeholder, string.IsNullOrWhiteSpace(value) ? "(none given)" : value.Trim(), StringComparison.Ordinal);

    /// <summary>The content of <c>integrations/claude-code/commands/dm/NAME.md</c>: YAML front matter, then the text.</summary>
    public string ClaudeCodeFile()
    {
        var header = "---\n"
            + $"description: {Quoted(Description)}\n"
            + (ArgumentHint is null ? string.Empty : $"argument-hint: {Quoted(ArgumentHint)}\n")
            + $"allowed-tools: {string.Join(", ", Tools.Select(t => $"mcp__{ServerName}__{t}"))}\n"
            + "---\n\n";
        return header + Template.Replace(Placeholder, "$ARGUMENTS", StringComparison.Ordinal) + "\n";
    }

    // A double-quoted YAML scalar: safe for ": ", "#", "[" and the rest.
    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
