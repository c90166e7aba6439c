namespace PartyMode.Cli.Hosting;

/// <summary>The daemon cannot start; the message says what to do.</summary>
internal sealed class StartupException(string message) : Exception(message);
