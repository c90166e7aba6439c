using System.CommandLine;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode status</c>: the running daemon's URLs, uptime, seats, queue and combat.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the running daemon's state: URL, uptime, seats, queue counts and combat.");
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, ct)));
        return command;
    }

    private static Task<int> ExecuteAsync(CommandContext context, CancellationToken ct) =>
        context.WithDaemonAsync(
            async client =>
            {
                var status = await client.StatusAsync(ct);
                await context.Out.WriteAsync(context.Json ? JsonText.Pretty(status) + "\n" : StatusText.Format(status, context.Folder));
                return CliApp.Ok;
            },
            offline: null,
            ct);
}
