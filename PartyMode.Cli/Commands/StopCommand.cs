using System.CommandLine;
using System.Text.Json.Nodes;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode stop</c>: asks the running daemon to stop gracefully and waits until it is gone.</summary>
internal static class StopCommand
{
    public static Command Create()
    {
        var command = new Command("stop", "Ask the running daemon to stop gracefully (stored actions stay for the next start).");
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        // A daemon that is starting is waited for and then stopped; one that never answers gets DaemonPresence's sentence.
        using var client = await DaemonPresence.TryConnectAsync(context.Folder, ct);
        if (client is null)
        {
            await context.Error.WriteLineAsync($"Party Mode is not running (no daemon for {context.Folder.Root}), so there is nothing to stop.");
            return CliApp.Failed;
        }

        var result = await DaemonStopper.StopAsync(client, ct);
        if (!result.Stopped)
        {
            await context.Error.WriteLineAsync($"Asked the daemon (pid {client.Info.Pid}) to stop, but it still answers after {DaemonStopper.Timeout.TotalSeconds:0} s: check its log in {context.Folder.LogFolder}.");
            return CliApp.Failed;
        }

        if (context.Json)
        {
            var json = new JsonObject { ["stopped"] = true, ["pending"] = result.Pending, ["processing"] = result.Processing };
            await context.Out.WriteLineAsync(json.ToJsonString());
        }
        else
        {
            await context.Out.WriteLineAsync($"Party Mode stopped. {result.Describe()}");
        }

        return CliApp.Ok;
    }
}
