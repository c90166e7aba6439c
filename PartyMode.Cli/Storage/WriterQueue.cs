using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Storage;

/// <summary>
/// The hand-off between the threads that commit and the store's one writer thread: change sets in call order,
/// and work between commits (a backup, or LiteDB brought up to date for a read).
/// </summary>
/// <remarks>
/// A plain monitor, not a BlockingCollection: its wait spins with sched_yield before it sleeps, taking CPU
/// from the very threads about to hand it work (docs/benchmarks.md).
/// </remarks>
internal sealed class WriterQueue
{
    private const int MaxBatch = 512;
    private readonly object _gate = new();
    private readonly Queue<(ChangeSet Changes, TaskCompletionSource Done)> _commits = new();
    private readonly Queue<(string? Path, TaskCompletionSource Done)> _chores = new();
    private bool _closed;

    /// <summary>Queues a change set; the task completes once the writer has made it durable.</summary>
    public Task Commit(ChangeSet changes)
    {
        // Completed by the writer: on its own thread for a small batch, else in one thread-pool work item.
        var done = new TaskCompletionSource();
        lock (_gate)
        {
            if (_closed)
            {
                done.SetException(Closed());
                return done.Task;
            }

            _commits.Enqueue((changes, done));
            if (_commits.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return done.Task;
    }

    /// <summary>Queues work between commits: a backup to <paramref name="path"/>, or (null) LiteDB brought up to date.</summary>
    public Task Chore(string? path)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_closed)
            {
                done.SetException(Closed());
                return done.Task;
            }

            _chores.Enqueue((path, done));
            Monitor.Pulse(_gate);
        }

        return done.Task;
    }

    /// <summary>Takes no more work; the writer drains the change sets already queued, then stops.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Fails the chores left after the writer stopped.</summary>
    public void FailLeftChores()
    {
        lock (_gate)
        {
            while (_chores.TryDequeue(out var left))
            {
                left.Done.TrySetException(Closed());
            }
        }
    }

    /// <summary>
    /// Waits for work (the writer thread): up to 512 change sets into <paramref name="batch"/> and every chore into
    /// <paramref name="chores"/>. With <paramref name="catchUpWait"/> set, gives up after that long with nothing
    /// taken (<paramref name="idle"/>). False once closed with no change set left.
    /// </summary>
    public bool Take(List<(ChangeSet Changes, TaskCompletionSource Done)> batch, List<(string? Path, TaskCompletionSource Done)> chores, TimeSpan? catchUpWait, out bool idle)
    {
        batch.Clear();
        chores.Clear();
        lock (_gate)
        {
            var timedOut = false;
            while (_commits.Count == 0 && _chores.Count == 0 && !_closed && !timedOut)
            {
                timedOut = !Monitor.Wait(_gate, catchUpWait ?? Timeout.InfiniteTimeSpan);
            }

            if (_commits.Count == 0 && _closed)
            {
                idle = false;
                return false;
            }

            idle = _commits.Count == 0 && _chores.Count == 0;
            while (batch.Count < MaxBatch && _commits.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            while (_chores.TryDequeue(out var chore))
            {
                chores.Add(chore);
            }

            return true;
        }
    }

    private static ObjectDisposedException Closed() => new(nameof(LiteDbGameStore), "The data file is closed.");
}
