using System.CommandLine;

namespace PartyMode.Cli.Commands;

/// <summary>Builds the <c>partymode</c> command tree and runs it with the contract's exit codes.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("PartyMode: run a tabletop game where every player plays from their phone.");
        root.Options.Add(CommonOptions.Data);
        root.Options.Add(CommonOptions.Json);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(StopCommand.Create());
        root.Subcommands.Add(McpCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(CampaignCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(HandoutCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var parseError in parsed.Errors)
            {
                await config.Error.WriteLineAsync(parseError.Message);
            }

            await config.Error.WriteLineAsync("Run 'partymode --help' for usage.");
            return UsageError;
        }

        return await parsed.InvokeAsync(config);
    }
}
