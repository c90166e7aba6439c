using System.CommandLine;
using PartyMode.Cli.Mcp;

namespace PartyMode.Cli.Commands;

/// <summary>
/// <c>partymode mcp install-commands [--dir DIR]</c>: writes the Claude Code slash commands (<c>/party-mode</c>,
/// <c>/party-auto</c>…) into DIR/dm/, by default the user's <c>~/.claude/commands</c>, from the same texts the MCP
/// prompts use, so the binary alone is enough (the repository's integrations/claude-code/commands are the same files).
/// </summary>
internal static class McpInstallCommandsCommand
{
    private static readonly Option<string?> Dir = new("--dir")
    {
        Description = "The Claude Code commands folder to write into (default: ~/.claude/commands; a project's is .claude/commands).",
        HelpName = "DIR",
    };

    public static Command Create()
    {
        var command = new Command("install-commands", "Install the Claude Code slash commands (/party-mode, /party-auto, …) for the partymode MCP server.");
        command.Options.Add(Dir);
        command.SetAction((parse, _) => ExecuteAsync(parse));
        return command.WithExamples(
            "partymode mcp install-commands                          # for every project",
            "partymode mcp install-commands --dir .claude/commands   # for this project only");
    }

    private static async Task<int> ExecuteAsync(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var root = parse.GetValue(Dir) is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".claude", "commands");
        var folder = Path.Combine(root, "dm");
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var prompt in PromptTexts.All)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, prompt.Name + ".md"), prompt.ClaudeCodeFile());
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot write the commands into {folder} ({ex.Message}): pass a folder you can write with --dir.");
            return CliApp.Failed;
        }

        await output.WriteLineAsync($"Installed {PromptTexts.All.Count} commands in {folder}: {string.Join(", ", PromptTexts.All.Select(p => "/" + p.Name))}.");
        await output.WriteLineAsync($"They call the MCP server named '{PartyPrompt.ServerName}': claude mcp add {PartyPrompt.ServerName} -- partymode mcp");
        return CliApp.Ok;
    }
}
