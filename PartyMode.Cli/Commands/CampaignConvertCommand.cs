using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Campaigns;
using PartyMode.Cli.Hosting;
using PartyMode.Engine.Campaigns;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode campaign convert PATH [--out FILE]</c>: a dm20 campaign as a PartyMode campaign file, and the report of what was not carried over.</summary>
internal static class CampaignConvertCommand
{
    /// <summary>Indented, with non-ASCII text kept readable (names, em dashes).</summary>
    public static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Argument<string> Source = new("PATH")
    {
        Description = "A dm20 campaign: its monolithic JSON file (campaigns/NAME.json) or its split folder (campaigns/NAME/ with campaign.json).",
    };

    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Write the PartyMode campaign to this file (the report goes to stdout). Without it the campaign goes to stdout and the report to stderr.",
        HelpName = "FILE",
    };

    public static Command Create()
    {
        var command = new Command("convert", "Convert a dm20-protocol campaign (file or split folder) to a PartyMode campaign file and print what was not carried over, by character.")
            .WithExamples(
                "partymode campaign convert ~/dm20/campaigns/Shadowfen --out shadowfen.json",
                "partymode campaign convert shadowfen-campaign.json > shadowfen.json");
        command.Arguments.Add(Source);
        command.Options.Add(Out);
        command.SetAction((parse, _) => ExecuteAsync(parse));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var path = parse.GetValue(Source)!;
        var outFile = parse.GetValue(Out);
        LoadedCampaign loaded;
        try
        {
            loaded = CampaignSources.Load(path);
        }
        catch (StartupException ex)
        {
            await error.WriteLineAsync(ex.Message.Replace("--campaign", "campaign convert", StringComparison.Ordinal));
            return CliApp.Failed;
        }
        catch (CampaignException ex)
        {
            await error.WriteLineAsync("The campaign has problems; nothing was written:");
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync("  " + problem);
            }

            return CliApp.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read {path} ({ex.Message.TrimEnd('.')}).");
            return CliApp.Failed;
        }

        if (loaded.Converted is null || loaded.Report is null)
        {
            await error.WriteLineAsync($"{path} is already a PartyMode campaign file: use it as it is with 'partymode serve --campaign {path}'.");
            return CliApp.Failed;
        }

        var json = loaded.Converted.ToJsonString(Pretty) + "\n";
        var asJson = parse.GetValue(CommonOptions.Json);
        var report = asJson ? loaded.Report.ToJson().ToJsonString(Pretty) + "\n" : loaded.Report.ToText();
        if (outFile is null)
        {
            await output.WriteAsync(json);
            await error.WriteAsync(report);
            return CliApp.Ok;
        }

        try
        {
            await Campaigns.Dm20.AtomicFile.WriteAsync(outFile, json, backup: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot write {outFile} ({ex.Message.TrimEnd('.')}).");
            return CliApp.Failed;
        }

        await output.WriteAsync(report);
        if (!asJson)
        {
            await output.WriteLineAsync($"Wrote {outFile}. Start the table with: partymode serve --campaign {outFile}");
        }

        return CliApp.Ok;
    }
}
