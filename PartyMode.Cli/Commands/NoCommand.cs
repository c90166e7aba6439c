using System.CommandLine;

namespace PartyMode.Cli.Commands;

/// <summary>
/// Bare <c>partymode</c>: a short help saying how to start a game. A binary double-clicked on Windows opens
/// its own console window, which closes the moment the process ends: there it waits for a key.
/// </summary>
internal static class NoCommand
{
    public static async Task<int> RunAsync(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var ownWindow = OwnsItsConsoleWindow() && ReferenceEquals(output, Console.Out);
        await output.WriteLineAsync($"PartyMode {BuildInfo.Version}: a tabletop game where every player plays from their phone.");
        await output.WriteLineAsync();
        await output.WriteLineAsync("  Start a game:   partymode serve");
        await output.WriteLineAsync("  Another game:   partymode serve --campaign my-campaign.json --data ~/games/mine");
        await output.WriteLineAsync("  Every command:  partymode --help");
        if (ownWindow)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Open a terminal (PowerShell) in this folder and type: .\\partymode serve");
            await output.WriteLineAsync("Press a key to close this window.");
            Console.ReadKey(intercept: true);
        }

        return CliApp.Ok;
    }

    /// <summary>
    /// Best effort: a console Windows made just for this process has its cursor still at the very top left,
    /// while one typed into already holds a prompt.
    /// </summary>
    private static bool OwnsItsConsoleWindow()
    {
        if (!OperatingSystem.IsWindows() || Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            return false;
        }

        try
        {
            return Console.CursorLeft == 0 && Console.CursorTop == 0;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
