using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode token kick SEAT</c>: revokes the seat and disconnects it.</summary>
internal static class TokenKickCommand
{
    private static readonly Argument<string> Seat = new("SEAT")
    {
        Description = "A player id (for example thorin) or observer.",
    };

    public static Command Create()
    {
        var command = new Command("kick", "Revoke a seat's link and disconnect it (until 'token refresh').");
        command.Arguments.Add(Seat);
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, parse.GetRequiredValue(Seat), ct)));
        return command;
    }

    private static Task<int> ExecuteAsync(CommandContext context, string seat, CancellationToken ct) =>
        context.WithDaemonAsync(
            async client => await PrintAsync(context, await client.KickSeatAsync(seat, ct), seat),
            () => OfflineSeatCommands.KickAsync(context, seat),
            ct);

    public static async Task<int> PrintAsync(CommandContext context, JsonElement kicked, string seat)
    {
        if (context.Json)
        {
            await context.Out.WriteAsync(JsonText.Pretty(kicked) + "\n");
            return CliApp.Ok;
        }

        var id = kicked.Str("seat", seat);
        var closed = kicked.TryGetProperty("closed_connections", out _)
            ? string.Create(CultureInfo.InvariantCulture, $" {kicked.Long("closed_connections")} connection(s) closed;")
            : string.Empty;
        await context.Out.WriteLineAsync($"Kicked '{id}':{closed} its link no longer works. Run 'partymode token refresh {id}' to let them back in with a new link.");
        return CliApp.Ok;
    }
}
