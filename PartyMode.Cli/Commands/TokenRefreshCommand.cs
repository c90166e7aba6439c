using System.CommandLine;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode token refresh SEAT</c>: a new token for a seat; the old link stops working at once.</summary>
internal static class TokenRefreshCommand
{
    private static readonly Argument<string> Seat = new("SEAT")
    {
        Description = "A player id (for example thorin) or observer.",
    };

    public static Command Create()
    {
        var command = new Command("refresh", "Issue a new join link for a seat (the old one stops working; lifts a kick).");
        command.Arguments.Add(Seat);
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, parse.GetRequiredValue(Seat), ct)));
        return command;
    }

    private static Task<int> ExecuteAsync(CommandContext context, string seat, CancellationToken ct) =>
        context.WithDaemonAsync(client => RefreshAsync(context, client, seat, ct), () => OfflineSeatCommands.RefreshAsync(context, seat), ct);

    private static async Task<int> RefreshAsync(CommandContext context, DaemonClient client, string seat, CancellationToken ct)
    {
        var refreshed = await client.RefreshSeatAsync(seat, ct);
        // Print the full seat shape (as token show), the same whether or not a daemon runs.
        var seats = await client.SeatsAsync(ct);
        var full = SeatOutput.Find(seats, refreshed.Str("seat", seat)) ?? refreshed;
        return await PrintAsync(context, full);
    }

    public static async Task<int> PrintAsync(CommandContext context, JsonElement seat)
    {
        if (context.Json)
        {
            await context.Out.WriteAsync(JsonText.Pretty(seat) + "\n");
            return CliApp.Ok;
        }

        await context.Out.WriteAsync($"New join link issued; the old link no longer works.\n{SeatOutput.Format(seat)}");
        return CliApp.Ok;
    }
}
