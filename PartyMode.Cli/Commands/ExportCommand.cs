using System.CommandLine;
using PartyMode.Cli.Campaigns.Dm20;
using PartyMode.Cli.Export;
using PartyMode.Cli.Hosting;
using PartyMode.Cli.Protocol;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Commands;

/// <summary>
/// <c>partymode export [--as SEAT] [--format md|html] [--out FILE] [--session N]</c>: a seat's story book
/// (docs/protocol.md §10.1), from the running daemon, or from the data file when none runs.
/// </summary>
internal static class ExportCommand
{
    private static readonly Option<string?> As = new("--as")
    {
        Description = "Whose book: a player id, observer or dm (default: dm, the full book).",
        HelpName = "SEAT",
    };

    private static readonly Option<string> Format = new("--format")
    {
        Description = "md (Markdown, the default) or html (one self-contained printable page).",
        DefaultValueFactory = _ => "md",
        HelpName = "md|html",
    };

    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Write the book to this file instead of stdout.",
        HelpName = "FILE",
    };

    private static readonly Option<int?> Session = WholeNumberOption.CreateOptional(
        "--session", "N", 1, 1_000_000, "Only this session (1 is the first; each serve start and each break begins one).", "2");

    public static Command Create()
    {
        var command = new Command("export", "Export the story as one seat saw it: exactly the events that seat may see, in order, by session.")
            .WithExamples(
                "partymode export > story.md                                   # the DM's full book",
                "partymode export --as thorin --format html --out thorin.html  # Thorin's, printable",
                "partymode export --session 2 --out session-2.md               # the second session");
        command.Options.Add(As);
        command.Options.Add(Format);
        command.Options.Add(Out);
        command.Options.Add(Session);
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(CommandContext context, ParseResult parse, CancellationToken ct)
    {
        var asSeat = parse.GetValue(As);
        var session = parse.GetValue(Session);
        string format;
        try
        {
            format = StoryExport.Format(parse.GetValue(Format));
        }
        catch (GameException ex)
        {
            await context.Error.WriteLineAsync(ex.Message.Replace("'format'", "--format", StringComparison.Ordinal));
            return CliApp.UsageError;
        }

        return await context.WithDaemonAsync(
            async client => await WriteAsync(context, parse.GetValue(Out), await client.ExportStoryAsync(asSeat, format, session, ct)),
            () => OfflineAsync(context, parse.GetValue(Out), asSeat, format, session),
            ct);
    }

    private static async Task<int> OfflineAsync(CommandContext context, string? outFile, string? asSeat, string format, int? session)
    {
        OfflineGame game;
        try
        {
            game = OfflineGame.Open(context.Folder);
        }
        catch (StartupException ex)
        {
            await context.Error.WriteLineAsync(ex.Message);
            return CliApp.Failed;
        }

        string text;
        try
        {
            var seat = asSeat ?? SeatIds.Dm;
            var viewer = game.Game.Seats().FirstOrDefault(s => s.Id == seat)?.Viewer;
            if (viewer is null)
            {
                await context.Error.WriteLineAsync($"There is no seat '{seat}': use one of {string.Join(", ", game.Game.Seats().Select(s => s.Id))}.");
                return CliApp.Failed;
            }

            text = StoryExport.Render(StoryExport.Build(game.Game, viewer, session, new HandoutImages(game.Game, new Handouts.HandoutFiles(context.Folder)), TimeProvider.System), format);
        }
        catch (GameException ex)
        {
            await context.Error.WriteLineAsync(ErrorRemedies.ForCli(ex.Code, ex.Message));
            return CliApp.Failed;
        }
        finally
        {
            await Task.Run(game.Dispose);
        }

        return await WriteAsync(context, outFile, text);
    }

    private static async Task<int> WriteAsync(CommandContext context, string? outFile, string text)
    {
        if (outFile is null)
        {
            await context.Out.WriteAsync(text);
            return CliApp.Ok;
        }

        await AtomicFile.WriteAsync(outFile, text, backup: false);
        await context.Out.WriteLineAsync($"Wrote {outFile}.");
        return CliApp.Ok;
    }
}
