using PartyMode.Cli.Storage;
using PartyMode.Engine.Storage;
using PartyMode.Tests.Engine;

namespace PartyMode.Tests.Publishing;

/// <summary>
/// A store that, once told to <see cref="Hold"/>, keeps commits back until <see cref="ReleaseNext"/>:
/// a change can then be durable and published while a later one is not yet durable. Like the real
/// store it hands each committed change set to the commit pipeline before completing its task.
/// </summary>
internal sealed class HoldingGameStore(ICommitSink pipeline) : IGameStore
{
    private readonly InMemoryGameStore _inner = new();
    private readonly Queue<(ChangeSet Changes, TaskCompletionSource Done)> _held = new();
    private bool _holding;

    public int Held => _held.Count;

    public void Hold() => _holding = true;

    public StoredGame? Load() => _inner.Load();

    public Task Commit(ChangeSet changes)
    {
        if (!_holding)
        {
            Apply(changes);
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held.Enqueue((changes, done));
        return done.Task;
    }

    /// <summary>Makes the oldest held change durable, publishes it, and completes its task.</summary>
    public void ReleaseNext()
    {
        var (changes, done) = _held.Dequeue();
        Apply(changes);
        done.SetResult();
    }

    public void Wipe() => _inner.Wipe();

    private void Apply(ChangeSet changes)
    {
        _inner.Commit(changes);
        pipeline.Committed(changes);
    }
}
