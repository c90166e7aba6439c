using System.CommandLine;
using System.Text.Json;
using PartyMode.Cli.Campaigns.Dm20;
using PartyMode.Cli.Hosting;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;

namespace PartyMode.Cli.Commands;

/// <summary>
/// <c>partymode campaign export-dm20 --into PATH</c>: the table's character state written back into the dm20
/// campaign it came from. It reads the sheets from the running daemon, or from the data file when none runs.
/// </summary>
internal static class CampaignExportDm20Command
{
    private static readonly Option<string> Into = new("--into")
    {
        Description = "The dm20 campaign to write into: its monolithic JSON file or its split folder (with campaign.json and characters.json).",
        Required = true,
        HelpName = "PATH",
    };

    public static Command Create()
    {
        var command = new Command("export-dm20", "Write HP, temporary HP, conditions, spell slots used, hit dice used, death saves, inventory and coins back into a dm20 campaign, matched by source_id; every other key is kept and the old file is kept as *.bak.")
            .WithExamples("partymode campaign export-dm20 --into ~/dm20/campaigns/Shadowfen");
        command.Options.Add(Into);
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, context => ExecuteAsync(context, parse.GetValue(Into)!, ct)));
        return command;
    }

    private static Task<int> ExecuteAsync(CommandContext context, string into, CancellationToken ct) =>
        context.WithDaemonAsync(
            async client =>
            {
                var answer = await client.CharactersAsync(ct);
                return await WriteAsync(context, into, answer.GetProperty("characters"));
            },
            async () =>
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

                JsonElement characters;
                try
                {
                    characters = JsonSerializer.SerializeToElement(game.Game.ListCharacters(), EngineJson.Info<IReadOnlyList<PartyMode.Engine.Model.Character>>());
                }
                finally
                {
                    await Task.Run(game.Dispose);
                }

                return await WriteAsync(context, into, characters);
            },
            ct);

    private static async Task<int> WriteAsync(CommandContext context, string into, JsonElement characters)
    {
        try
        {
            await context.Out.WriteAsync(await Dm20WriteBack.ApplyAsync(into, characters));
            return CliApp.Ok;
        }
        catch (StartupException ex)
        {
            await context.Error.WriteLineAsync(ex.Message);
            return CliApp.Failed;
        }
        catch (CampaignException ex)
        {
            await context.Error.WriteLineAsync("The dm20 campaign cannot be written back into; nothing was changed:");
            foreach (var problem in ex.Problems)
            {
                await context.Error.WriteLineAsync("  " + problem);
            }

            return CliApp.Failed;
        }
    }
}
