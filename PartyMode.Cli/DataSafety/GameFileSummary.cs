namespace PartyMode.Cli.DataSafety;

/// <summary>What a game file holds, read without the engine: enough to tell a user which backup is which.</summary>
/// <param name="Campaign">The campaign's name, or null when the file holds no game.</param>
/// <param name="Events">Stored events.</param>
internal sealed record GameFileSummary(string? Campaign, long Events);
