using PartyMode.Cli.Commands;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Cli;

/// <summary><c>partymode mcp install-commands</c>: the Claude Code command files from the binary alone.</summary>
public sealed class McpInstallCommandsTests
{
    private static readonly string Shipped = Path.Combine(RepoPaths.Root, "integrations", "claude-code", "commands", "dm");

    [Test]
    public async Task InstallCommands_DefaultFolder_WritesTheRepositorysFilesIntoHomeClaudeCommands()
    {
        using var home = new TempFolder();

        var (code, output, error) = await CliProcess.RunUnderAsync([], home.Path, "mcp", "install-commands");

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        var installed = Path.Combine(home.Path, ".claude", "commands", "dm");
        Assert.That(output, Does.Contain(installed).And.Contain("/party-mode").And.Contain("claude mcp add partymode"));
        var names = Directory.GetFiles(Shipped, "party-*.md").Select(Path.GetFileName).ToList();
        Assert.That(Directory.GetFiles(installed).Select(Path.GetFileName), Is.EquivalentTo(names));
        foreach (var name in names)
        {
            Assert.That(File.ReadAllText(Path.Combine(installed, name!)), Is.EqualTo(File.ReadAllText(Path.Combine(Shipped, name!))), name);
        }
    }

    [Test]
    public async Task InstallCommands_Dir_WritesIntoThatFolderAndReplacesAnOldCopy()
    {
        using var project = new TempFolder();
        var dir = Path.Combine(project.Path, ".claude", "commands");
        Directory.CreateDirectory(Path.Combine(dir, "dm"));
        await File.WriteAllTextAsync(Path.Combine(dir, "dm", "party-mode.md"), "old");

        var (code, _, error) = await CliProcess.RunAsync("mcp", "install-commands", "--dir", dir);

        Assert.That(code, Is.EqualTo(CliApp.Ok), error);
        Assert.That(File.ReadAllText(Path.Combine(dir, "dm", "party-mode.md")), Is.EqualTo(File.ReadAllText(Path.Combine(Shipped, "party-mode.md"))));
    }

    [Test]
    public async Task InstallCommands_DirThatCannotBeWritten_OneSentenceNamingDir()
    {
        var (code, _, error) = await CliProcess.RunAsync("mcp", "install-commands", "--dir", "/proc/partymode-nope");

        Assert.That(code, Is.EqualTo(CliApp.Failed));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("/proc/partymode-nope").And.Contain("--dir"));
    }
}
