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
        root.SetAction((parse, _) => NoCommand.RunAsync(parse));
        HelpExamples.Install(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        WindowsConsole.EnableColourCodes();
        var root = BuildRoot();
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Our own handler below: one sentence, never System.CommandLine's printed stack trace.
            EnableDefaultExceptionHandler = false,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction and not ExamplesHelpAction)
        {
            foreach (var parseError in parsed.Errors)
            {
                await config.Error.WriteLineAsync(parseError.Message);
            }

            var command = string.Join(' ', parsed.CommandResult.Command is RootCommand ? [] : CommandPath(parsed.CommandResult.Command));
            await config.Error.WriteLineAsync($"Run 'partymode {(command.Length > 0 ? command + " " : "")}--help' for usage.");
            return UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(config);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever escaped the commands' own sentences: still one line; the trace only when asked for.
            await config.Error.WriteLineAsync($"PartyMode stopped on an unexpected error: {ex.Message} ({ex.GetType().Name}). Please report it, with the log in the data folder's logs/.");
            if (Environment.GetEnvironmentVariable("PARTYMODE_TRACE") == "1")
            {
                await config.Error.WriteLineAsync(ex.ToString());
            }

            return Failed;
        }
    }

    private static Stack<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(c.Name);
        }

        return names;
    }
}
