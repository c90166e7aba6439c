using LiteDB;
using PartyMode.Engine;
using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Storage;

/// <summary>
/// The game in one LiteDB file. LiteDB ties a transaction to its thread, so one dedicated writer
/// thread commits every change set; change sets that queue up while it writes are committed
/// together in one transaction (group commit), each acknowledged only after that commit.
/// Documents are <c>{_id, j}</c> with the engine's own JSON in <c>j</c>, so the engine's types need no
/// LiteDB mapping.
/// </summary>
internal sealed class LiteDbGameStore : IGameStore, IDisposable
{
    private const int MaxBatch = 512;

    // LiteDB's own checkpoint (log pages copied into the data file) runs inside whichever commit
    // crosses its CheckpointSize, stalling that commit's answer (docs/benchmarks.md). This store
    // checkpoints when the writer has been idle for a moment instead, and at the latest after
    // ForceCheckpointAfter transactions under continuous load, so the log stays small.
    private const int DefaultIdleCheckpointAfter = 10;
    private const int ForceCheckpointAfter = 500;
    private static readonly TimeSpan IdleBeforeCheckpoint = TimeSpan.FromMilliseconds(2);

    // A batch this small (a table at play) resumes its requests on the writer thread: the answer goes
    // out without waking a thread-pool worker, and idle workers stay asleep instead of spinning for
    // work. A larger batch (intake under load) resumes in one work item, in parallel with the next commit.
    private const int ResumeInlineLimit = 4;
    private readonly LiteDatabase _db;
    // A plain monitor, not a BlockingCollection: its wait spins with sched_yield before it sleeps,
    // taking CPU from the very threads about to hand it work (docs/benchmarks.md).
    private readonly object _gate = new();
    private readonly Queue<(ChangeSet Changes, TaskCompletionSource Done)> _queue = new();
    private readonly Queue<(string Path, TaskCompletionSource Done)> _backups = new();
    private bool _closed;
    private readonly int _idleCheckpointAfter;
    private readonly Thread _writer;
    private readonly Serilog.ILogger _log;
    private readonly ICommitSink? _committed;

    private readonly string _dataPath;
    private readonly string _logPath;
    private readonly bool _flushToDisk;
    private FileStream? _logFile;

    /// <summary>Opens (or creates) the data file.</summary>
    /// <param name="path">The LiteDB file.</param>
    /// <param name="log">Where failures are logged.</param>
    /// <param name="flushToDisk">
    /// Also fsync LiteDB's log file after every commit (power-loss durability). Without it a commit is
    /// written to the operating system before it is acknowledged, which survives the process being killed.
    /// </param>
    /// <param name="idleCheckpointAfter">Transactions in the log before an idle writer checkpoints (tests use 1).</param>
    /// <param name="committed">Told of each change set once it is durable, in commit order, on the writer thread (the commit pipeline).</param>
    public LiteDbGameStore(string path, Serilog.ILogger log, bool flushToDisk = false, int idleCheckpointAfter = DefaultIdleCheckpointAfter, ICommitSink? committed = null)
    {
        _committed = committed;
        _idleCheckpointAfter = idleCheckpointAfter;
        _log = log;
        _flushToDisk = flushToDisk;
        _dataPath = Path.GetFullPath(path);
        _logPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
        _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }) { CheckpointSize = 0 };
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "partymode-store-writer" };
        _writer.Start();
    }

    /// <summary>Change sets committed so far (for diagnostics and benchmarks).</summary>
    public long CommittedChangeSets { get; private set; }

    /// <summary>Transactions written so far; fewer than change sets when group commit batched them.</summary>
    public long Transactions { get; private set; }

    /// <summary>Checkpoints made so far (log copied into the data file).</summary>
    public long Checkpoints { get; private set; }

    public StoredGame? Load() => GameDocuments.Load(_db);

    public Task Commit(ChangeSet changes)
    {
        // Completed on the writer thread (small batches resume their requests there) or in one
        // thread-pool work item per batch: see WriterLoop.
        var done = new TaskCompletionSource();
        lock (_gate)
        {
            if (_closed)
            {
                done.SetException(new ObjectDisposedException(nameof(LiteDbGameStore), "The data file is closed."));
                return done.Task;
            }

            _queue.Enqueue((changes, done));
            if (_queue.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return done.Task;
    }

    /// <summary>
    /// Copies the game file to <paramref name="path"/> on the writer thread, between commits: a checkpoint
    /// first moves the log into the data file, so the copy alone holds every commit before it, whole.
    /// </summary>
    /// <param name="path">Where the copy goes (written through a temp file, then renamed).</param>
    /// <returns>A task that completes once the copy is on the disk.</returns>
    public Task BackupAsync(string path)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_closed)
            {
                done.SetException(new ObjectDisposedException(nameof(LiteDbGameStore), "The data file is closed."));
                return done.Task;
            }

            _backups.Enqueue((path, done));
            Monitor.Pulse(_gate);
        }

        return done.Task;
    }

    public void Wipe()
    {
        foreach (var name in _db.GetCollectionNames().ToList())
        {
            _db.DropCollection(name);
        }

        _db.Checkpoint();
    }

    public void Dispose()
    {
        if (Thread.CurrentThread == _writer)
        {
            // A request resumed on the writer thread cannot wait for that thread to finish.
            throw new InvalidOperationException("The store cannot be disposed from its own writer thread.");
        }

        lock (_gate)
        {
            _closed = true;
            Monitor.Pulse(_gate);
        }

        _writer.Join();
        while (_backups.TryDequeue(out var left))
        {
            left.Done.TrySetException(new ObjectDisposedException(nameof(LiteDbGameStore), "The data file is closed."));
        }

        _logFile?.Dispose();
        _db.Checkpoint();
        _db.Dispose();
    }

    private void WriterLoop()
    {
        var batch = new List<(ChangeSet Changes, TaskCompletionSource Done)>(MaxBatch);
        var backups = new List<(string Path, TaskCompletionSource Done)>();
        var sinceCheckpoint = 0;
        while (true)
        {
            batch.Clear();
            backups.Clear();
            bool checkpointNow;
            lock (_gate)
            {
                // With log pages to copy, an idle writer waits only a moment before checkpointing.
                var timedOut = false;
                while (_queue.Count == 0 && _backups.Count == 0 && !_closed && !timedOut)
                {
                    timedOut = !Monitor.Wait(_gate, sinceCheckpoint >= _idleCheckpointAfter ? IdleBeforeCheckpoint : Timeout.InfiniteTimeSpan);
                }

                if (_queue.Count == 0 && _closed)
                {
                    // Closed, and everything handed in before the close is committed.
                    return;
                }

                checkpointNow = _queue.Count == 0 && _backups.Count == 0;
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                while (_backups.TryDequeue(out var backup))
                {
                    backups.Add(backup);
                }
            }

            if (batch.Count == 0 && backups.Count > 0)
            {
                Backup(backups, ref sinceCheckpoint);
                continue;
            }

            if (checkpointNow)
            {
                Checkpoint(ref sinceCheckpoint);
                continue;
            }

            try
            {
                _db.BeginTrans();
                foreach (var (changes, _) in batch)
                {
                    GameDocuments.Apply(_db, changes);
                }

                _db.Commit();
                if (_flushToDisk)
                {
                    FlushLogToDisk();
                }

                Transactions++;
                if (++sinceCheckpoint >= ForceCheckpointAfter)
                {
                    Checkpoint(ref sinceCheckpoint);
                }
            }
            catch (Exception ex)
            {
                _log.Fatal(ex, "Writing to the data file failed; {Count} changes were not acknowledged", batch.Count);
                TryRollback();
                CommitCompletion.OnPool(batch, ex);
                backups.ForEach(b => b.Done.TrySetException(ex));
                continue;
            }

            var resumeInline = batch.Count <= ResumeInlineLimit;
            foreach (var (changes, done) in batch)
            {
                CommittedChangeSets++;
                try
                {
                    _committed?.Committed(changes);
                }
                catch (Exception ex)
                {
                    // A failed push must not un-acknowledge a durable write.
                    _log.Error(ex, "Pushing a committed change to viewers failed");
                }

                if (resumeInline)
                {
                    done.TrySetResult();
                }
            }

            if (!resumeInline)
            {
                CommitCompletion.OnPool(batch, error: null);
            }

            if (backups.Count > 0)
            {
                Backup(backups, ref sinceCheckpoint);
            }
        }
    }

    private void Backup(List<(string Path, TaskCompletionSource Done)> backups, ref int sinceCheckpoint)
    {
        try
        {
            _db.Checkpoint();
            Checkpoints++;
            sinceCheckpoint = 0;
        }
        catch (Exception ex)
        {
            _log.Warning(ex, "Checkpointing the data file for a backup failed");
            backups.ForEach(b => b.Done.TrySetException(ex));
            return;
        }

        foreach (var (path, done) in backups)
        {
            try
            {
                DataSafety.BackupRestore.CopyDurably(_dataPath, path);
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                // Whatever went wrong, the writer thread lives on: a backup is never worth the game.
                done.TrySetException(ex);
            }
        }
    }

    private void Checkpoint(ref int sinceCheckpoint)
    {
        try
        {
            _db.Checkpoint();
            Checkpoints++;
            sinceCheckpoint = 0;
        }
        catch (Exception ex)
        {
            // The log keeps everything and the writer must live on: try again after more commits.
            sinceCheckpoint = 0;
            _log.Warning(ex, "Checkpointing the data file failed");
        }
    }

    /// <summary>
    /// LiteDB 5 writes a commit's pages to its log file synchronously but never fsyncs them (only
    /// checkpoints flush the data file). fsync applies to the file, not the descriptor, so a handle of
    /// our own on the same log file makes the commit survive power loss.
    /// </summary>
    private void FlushLogToDisk()
    {
        if (!File.Exists(_logPath))
        {
            return;
        }

        _logFile ??= new FileStream(_logPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _logFile.Flush(flushToDisk: true);
    }

    private void TryRollback()
    {
        try
        {
            _db.Rollback();
        }
        catch (LiteException ex)
        {
            _log.Error(ex, "Rolling back the failed transaction failed");
        }
    }
}
