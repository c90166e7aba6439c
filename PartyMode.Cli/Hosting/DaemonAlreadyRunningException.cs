namespace PartyMode.Cli.Hosting;

/// <summary>Another daemon holds the data folder.</summary>
internal sealed class DaemonAlreadyRunningException(string folder)
    : Exception($"Party Mode is already running on the data folder {folder}. Stop it with 'partymode stop --data {folder}', or use another --data folder.");
