using System.CommandLine;
using System.Text;
using System.Text.Json;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode token show [SEAT]</c>: join URLs and terminal QR codes again.</summary>
internal static class TokenShowCommand
{
    private static readonly Argument<string?> Seat = new("SEAT")
    {
        Description = "Optional: only this seat (a player id, observer or dm); every seat when left out.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create()
    {
        var command = new Command("show", "Print the join URLs and QR codes of the seats again.");
        command.Arguments.Add(Seat);
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, parse.GetValue(Seat), ct)));
        return command.WithExamples(
            "partymode token show           # every seat's link and QR code",
            "partymode token show elara     # only Elara's, to scan from this screen",
            "partymode token show --json    # the links for a script");
    }

    private static Task<int> ExecuteAsync(CommandContext context, string? seat, CancellationToken ct) =>
        context.WithDaemonAsync(
            async client => await PrintAsync(context, await client.SeatsAsync(ct), seat),
            () => OfflineSeatCommands.ShowAsync(context, seat),
            ct);

    /// <summary>Prints a <c>{"seats":[…]}</c> answer (or its one seat), as JSON or text.</summary>
    public static async Task<int> PrintAsync(CommandContext context, JsonElement seats, string? seat)
    {
        if (seat is not null)
        {
            var one = SeatOutput.Find(seats, seat);
            if (one is null)
            {
                await context.Error.WriteLineAsync($"There is no seat '{seat}': use one of {SeatOutput.Names(seats)}.");
                return CliApp.Failed;
            }

            using var filtered = JsonDocument.Parse($"{{\"seats\":[{one.Value.GetRawText()}]}}");
            seats = filtered.RootElement.Clone();
        }

        if (context.Json)
        {
            await context.Out.WriteAsync(JsonText.Pretty(seats) + "\n");
            return CliApp.Ok;
        }

        var text = new StringBuilder();
        foreach (var item in seats.Items("seats"))
        {
            text.Append(SeatOutput.Format(item)).Append('\n');
        }

        await context.Out.WriteAsync(text.ToString());
        return CliApp.Ok;
    }
}
