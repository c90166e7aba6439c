using System.Text.Json.Nodes;
using System.Text.Json;
using PartyMode.Cli.Hosting;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Seats;
using PartyMode.Engine;

namespace PartyMode.Cli.Commands;

/// <summary>The token commands when no daemon runs: they work on the data file directly.</summary>
internal static class OfflineSeatCommands
{
    public static Task<int> ShowAsync(CommandContext context, string? seat) =>
        RunAsync(context, async game => await TokenShowCommand.PrintAsync(context, Seats(game), seat));

    public static Task<int> RefreshAsync(CommandContext context, string seat) =>
        RunAsync(context, async game =>
        {
            await game.Seats.RefreshAsync(seat);
            var full = SeatOutput.Find(Seats(game), seat);
            return await TokenRefreshCommand.PrintAsync(context, full!.Value);
        });

    public static Task<int> KickAsync(CommandContext context, string seat) =>
        RunAsync(context, async game =>
        {
            var closed = await game.Seats.KickAsync(seat);
            using var doc = JsonDocument.Parse($$"""{"seat":{{JsonValue.Create(seat).ToJsonString()}},"kicked":true,"closed_connections":{{closed}}}""");
            return await TokenKickCommand.PrintAsync(context, doc.RootElement.Clone(), seat);
        });

    private static async Task<int> RunAsync(CommandContext context, Func<OfflineGame, Task<int>> body)
    {
        OfflineGame game;
        try
        {
            game = OfflineGame.Open(context.Folder);
        }
        // DaemonAlreadyRunningException goes up: a daemon took the folder meanwhile, and the caller asks it instead.
        catch (StartupException ex)
        {
            await context.Error.WriteLineAsync(ex.Message);
            return CliApp.Failed;
        }

        try
        {
            return await body(game);
        }
        catch (GameException ex)
        {
            await context.Error.WriteLineAsync(ErrorRemedies.ForCli(ex.Code, ex.Message));
            return CliApp.Failed;
        }
        finally
        {
            // Off whichever thread resumed us: after a write that is the store's writer, which cannot join itself.
            await Task.Run(game.Dispose);
        }
    }

    private static JsonElement Seats(OfflineGame game)
    {
        using var doc = JsonDocument.Parse(Protocol.Frames.Write(w => SeatList.Write(w, game.Game, game.Links)));
        return doc.RootElement.Clone();
    }
}
