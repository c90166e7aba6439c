namespace PartyMode.Cli.Mcp;

/// <summary>
/// One slash command: its MCP prompt and its Claude Code command file come from the same template, in which
/// <c>{{ARG}}</c> stands for the argument (the given value over MCP, <c>$ARGUMENTS</c> in Claude Code).
/// </summary>
internal sealed record PartyPrompt(string Name, string Description, string? Argument, bool ArgumentRequired, string? ArgumentHint, string Template)
{
    public const string Placeholder = "{{ARG}}";

    /// <summary>The prompt text for an MCP client, with the argument filled in.</summary>
    public string Render(string? value) =>
        Template.Replace(Placeholder, string.IsNullOrWhiteSpace(value) ? "(none given)" : value.Trim(), StringComparison.Ordinal);

    /// <summary>The content of <c>integrations/claude-code/commands/dm/NAME.md</c>.</summary>
    public string ClaudeCodeFile()
    {
        var header = $"---\ndescription: {Description}\n" + (ArgumentHint is null ? string.Empty : $"argument-hint: {ArgumentHint}\n") + "---\n\n";
        return header + Template.Replace(Placeholder, "$ARGUMENTS", StringComparison.Ordinal) + "\n";
    }
}
