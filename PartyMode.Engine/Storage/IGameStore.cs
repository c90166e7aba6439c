namespace PartyMode.Engine.Storage;

/// <summary>
/// Durable storage for one game. The engine calls <see cref="Commit"/> while it holds its own lock,
/// so implementations must only enqueue there: they commit change sets in call order, each
/// atomically. Once a change set is durable, and before its task completes, the host advances the
/// game's <see cref="CommitWatermark"/> to <see cref="ChangeSet.LastSeq"/> and publishes
/// <see cref="ChangeSet.Notices"/>, in commit order.
/// </summary>
public interface IGameStore
{
    /// <summary>Reads the whole stored game, or null for an empty store.</summary>
    /// <returns>The stored game.</returns>
    StoredGame? Load();

    /// <summary>Queues a change set; the task completes when it is committed.</summary>
    /// <param name="changes">The changes.</param>
    /// <returns>A task that completes once durable, or faults if the write failed.</returns>
    Task Commit(ChangeSet changes);

    /// <summary>Deletes the whole stored game (a new game starts over).</summary>
    void Wipe();
}
