using System.CommandLine;

namespace PartyMode.Cli.Commands;

/// <summary><c>partymode campaign convert|export-dm20</c>: campaigns in and out (docs/protocol.md §10.2).</summary>
internal static class CampaignCommand
{
    public static Command Create()
    {
        var command = new Command("campaign", "Convert a dm20-protocol campaign to PartyMode, or write the table's character state back into it.");
        command.Subcommands.Add(CampaignConvertCommand.Create());
        command.Subcommands.Add(CampaignExportDm20Command.Create());
        return command;
    }
}
