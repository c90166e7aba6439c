using PartyMode.Cli.Storage;
using PartyMode.Engine;

namespace PartyMode.Cli.Hosting;

/// <summary>
/// Where the web host's services find the game and its store: the host is built while the game is still
/// opening, and both are set before the host starts serving.
/// </summary>
internal sealed class OpenedGameSlot
{
    public Game? Game { get; set; }

    public LiteDbGameStore? Store { get; set; }

    public Game RequireGame() => Game ?? throw new InvalidOperationException("The game is set before the host starts.");

    public LiteDbGameStore RequireStore() => Store ?? throw new InvalidOperationException("The store is set before the host starts.");
}
