namespace PartyMode.Cli.Hosting;

/// <summary>
/// Where the web host finds its <see cref="ServerState"/>: the host is built while the game is still
/// opening, and the state is set before the host starts serving.
/// </summary>
internal sealed class ServerStateSlot
{
    public ServerState? State { get; set; }
}
