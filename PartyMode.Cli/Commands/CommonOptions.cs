using System.CommandLine;

namespace PartyMode.Cli.Commands;

/// <summary>Options every command takes (recursive on the root command).</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "The data folder (default: PARTYMODE_DATA, else partymode/ in your application-data folder).",
        HelpName = "DIR",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON instead of aligned text.",
        Recursive = true,
    };

    public static DataFolder Folder(ParseResult result) => DataFolder.Resolve(result.GetValue(Data));
}
