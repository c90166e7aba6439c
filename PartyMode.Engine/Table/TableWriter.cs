using PartyMode.Engine.Events;
using PartyMode.Engine.Storage;

namespace PartyMode.Engine.Table;

/// <summary>
/// The game's one lock and its one write path: a write runs as a <see cref="Transaction"/> under the
/// lock, its change set goes to the store inside the lock (so commits keep their order), and the
/// caller resumes once the store has made it durable. After a failed write the game refuses writes.
/// </summary>
internal sealed class TableWriter(IGameStore store, EventLog log, TimeProvider time)
{
    private readonly object _gate = new();
    private Exception? _storeFault;

    public T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    public void Run(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    public async Task<T> WriteAsync<T>(Func<Transaction, T> write)
    {
        Task commit;
        T result;
        lock (_gate)
        {
            if (_storeFault is not null)
            {
                throw new GameException(ErrorKind.Unavailable, "storage_failed", "The game could not store a change, so it takes no more until it is opened again; nothing acknowledged was lost.");
            }

            var tx = new Transaction(log, time.GetUtcNow());
            result = write(tx);
            commit = Commit(tx);
        }

        await commit.ConfigureAwait(false);
        return result;
    }

    /// <summary>A write nobody awaits (a timer's): it is skipped once the game refuses writes, and its failure is only recorded.</summary>
    /// <param name="write">Makes the change; false when there is nothing to do.</param>
    public void WriteUnawaited(Func<Transaction, bool> write)
    {
        lock (_gate)
        {
            if (_storeFault is not null)
            {
                return;
            }

            var tx = new Transaction(log, time.GetUtcNow());
            if (!write(tx))
            {
                return;
            }

            try
            {
                _ = Commit(tx);
            }
            catch (Exception)
            {
                // A timer thread has no one to tell (e.g. the store was closed at shutdown); the stored state reopens on restart.
            }
        }
    }

    private Task Commit(Transaction tx)
    {
        if (!tx.HasWork)
        {
            return Task.CompletedTask;
        }

        var task = store.Commit(tx.Complete());
        task.ContinueWith(
            static (t, s) => Interlocked.CompareExchange(ref ((TableWriter)s!)._storeFault, t.Exception, null),
            this,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
        return task;
    }
}
