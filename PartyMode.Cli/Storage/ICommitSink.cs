using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Storage;

/// <summary>
/// What a store tells once a change set is durable: on its writer thread, in commit order, before the
/// commit's task completes. Must not block and must not call back into the game.
/// </summary>
internal interface ICommitSink
{
    void Committed(ChangeSet changes);
}
