namespace PartyMode.Cli.Commands;

/// <summary>The token commands when no daemon runs (they then work on the data file directly).</summary>
internal static class OfflineSeatCommands
{
    public static Task<int> ShowAsync(CommandContext context, string? seat)
    {
        _ = seat;
        return NotRunningAsync(context, "show the join links");
    }

    public static Task<int> RefreshAsync(CommandContext context, string seat)
    {
        _ = seat;
        return NotRunningAsync(context, "refresh a seat's link");
    }

    public static Task<int> KickAsync(CommandContext context, string seat)
    {
        _ = seat;
        return NotRunningAsync(context, "kick a seat");
    }

    private static async Task<int> NotRunningAsync(CommandContext context, string what)
    {
        await context.Error.WriteLineAsync($"Party Mode is not running: start it with 'partymode serve --data {context.Folder.Root}' to {what}.");
        return CliApp.Failed;
    }
}
