using PartyMode.Engine;
using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Storage;

/// <summary>
/// The game in one LiteDB file, written through a commit journal (<see cref="StoreFiles"/>, docs/protocol.md §6).
/// One dedicated writer thread commits every change set; change sets that queue up while it writes are
/// journaled together in one record (group commit), each acknowledged only after that record is flushed.
/// LiteDB ties a transaction to its thread, so the same thread applies the journaled documents to LiteDB
/// afterwards, many commits at a time. Documents are <c>{_id, j}</c> with the engine's own JSON in <c>j</c>,
/// so the engine's types need no LiteDB mapping.
/// </summary>
internal sealed class LiteDbGameStore : IGameStore, IDisposable
{
    // Journaled change sets go into LiteDB in one transaction once this many wait, or when the writer is
    // idle: at a table every few seconds, under load (the benchmark's rounds) every 64 commits, which
    // writes each touched page once instead of once per commit (docs/benchmarks.md, seventh round).
    private const int ApplyAfterChangeSets = 64;

    // A checkpoint copies LiteDB's log into the data file, flushes it and empties the journal. It runs when
    // the writer has been idle for a moment, and at the latest after ForceCheckpointAfter group commits or
    // MaxJournalBytes under continuous load, so the journal and the log stay small.
    private const int DefaultIdleCheckpointAfter = 10;
    private const int ForceCheckpointAfter = 500;
    private const long MaxJournalBytes = 16L << 20;
    private static readonly TimeSpan IdleBeforeCheckpoint = TimeSpan.FromMilliseconds(2);

    // A batch this small (a table at play) resumes its requests on the writer thread: the answer goes
    // out without waking a thread-pool worker, and idle workers stay asleep instead of spinning for
    // work. A larger batch (intake under load) resumes in one work item, in parallel with the next commit.
    private const int ResumeInlineLimit = 4;
    private readonly StoreFiles _files;
    private readonly WriterQueue _queue = new();
    private readonly int _idleCheckpointAfter;
    private readonly Thread _writer;
    private readonly Serilog.ILogger _log;
    private readonly ICommitSink? _committed;
    private Exception? _failed;

    /// <summary>Opens (or creates) the data file, replaying the journal a crash left.</summary>
    /// <param name="path">The LiteDB file.</param>
    /// <param name="log">Where failures are logged.</param>
    /// <param name="flushToDisk">
    /// Also fsync the journal after every group commit (power-loss durability). Without it a commit is
    /// written to the operating system before it is acknowledged, which survives the process being killed.
    /// </param>
    /// <param name="idleCheckpointAfter">Group commits since the last checkpoint before an idle writer checkpoints (tests use 1).</param>
    /// <param name="committed">Told of each change set once it is durable, in commit order, on the writer thread (the commit pipeline).</param>
    public LiteDbGameStore(string path, Serilog.ILogger log, bool flushToDisk = false, int idleCheckpointAfter = DefaultIdleCheckpointAfter, ICommitSink? committed = null)
    {
        _committed = committed;
        _idleCheckpointAfter = idleCheckpointAfter;
        _log = log;
        _files = new StoreFiles(Path.GetFullPath(path), flushToDisk);
        if (_files.Recovered > 0)
        {
            log.Information("Replayed {Count} document writes from the commit journal a stop without a checkpoint left", _files.Recovered);
        }

        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "partymode-store-writer" };
        _writer.Start();
    }

    /// <summary>Change sets committed so far (for diagnostics and benchmarks).</summary>
    public long CommittedChangeSets { get; private set; }

    /// <summary>Group commits (journal records) written so far; fewer than change sets when group commit batched them.</summary>
    public long Transactions { get; private set; }

    /// <summary>Checkpoints made so far (log copied into the data file).</summary>
    public long Checkpoints { get; private set; }

    /// <summary>Bytes of LiteDB's log in use: 0 once a checkpoint has copied it into the data file (the file keeps its blocks).</summary>
    public long LogBytesInUse => _files.LogBytesInUse;

    /// <summary>Bytes of the commit journal: 0 once a checkpoint has brought the data file up to date.</summary>
    public long JournalBytes => _files.JournalBytes;

    /// <summary>Reads the whole stored game; the writer first brings LiteDB up to date with the journal.</summary>
    public StoredGame? Load()
    {
        if (Thread.CurrentThread == _writer)
        {
            throw new InvalidOperationException("The store's writer thread cannot wait for itself.");
        }

        _queue.Chore(null).GetAwaiter().GetResult();
        return _files.Load();
    }

    public Task Commit(ChangeSet changes) => _queue.Commit(changes);

    /// <summary>
    /// Copies the game file to <paramref name="path"/> on the writer thread, between commits: a checkpoint
    /// first brings the data file up to date, so the copy alone holds every commit before it, whole.
    /// </summary>
    /// <param name="path">Where the copy goes (written through a temp file, then renamed).</param>
    /// <returns>A task that completes once the copy is on the disk.</returns>
    public Task BackupAsync(string path) => _queue.Chore(path);

    /// <summary>Deletes the stored game; called at start, before the first commit.</summary>
    public void Wipe() => _files.Wipe();

    public void Dispose()
    {
        if (Thread.CurrentThread == _writer)
        {
            // A request resumed on the writer thread cannot wait for that thread to finish.
            throw new InvalidOperationException("The store cannot be disposed from its own writer thread.");
        }

        _queue.Close();
        _writer.Join();
        _queue.FailLeftChores();

        try
        {
            _files.Close(checkpoint: _failed is null);
        }
        catch (Exception ex) when (ex is IOException or LiteDB.LiteException or UnauthorizedAccessException)
        {
            // The journal still holds every acknowledged change: the next start replays it.
            _log.Error(ex, "Closing the data file failed; the commit journal is replayed at the next start");
        }
    }

    private void WriterLoop()
    {
        var batch = new List<(ChangeSet Changes, TaskCompletionSource Done)>();
        var chores = new List<(string? Path, TaskCompletionSource Done)>();
        var sinceCheckpoint = 0;
        while (true)
        {
            // With commits not yet in LiteDB or not checkpointed, an idle writer waits only a moment before it catches up.
            var catchUp = _failed is null && (_files.PendingChangeSets > 0 || sinceCheckpoint >= _idleCheckpointAfter);
            if (!_queue.Take(batch, chores, catchUp ? IdleBeforeCheckpoint : null, out var idle))
            {
                // Closed, and everything handed in before the close is committed (Dispose checkpoints).
                return;
            }

            if (idle)
            {
                CatchUp(checkpoint: sinceCheckpoint >= _idleCheckpointAfter, ref sinceCheckpoint);
                continue;
            }

            if (batch.Count > 0 && Journal(batch))
            {
                sinceCheckpoint++;
                Acknowledge(batch);
                var force = sinceCheckpoint >= ForceCheckpointAfter || _files.JournalBytes >= MaxJournalBytes;
                if (force || _files.PendingChangeSets >= ApplyAfterChangeSets)
                {
                    CatchUp(checkpoint: force, ref sinceCheckpoint);
                }
            }

            if (chores.Count > 0)
            {
                RunChores(chores, ref sinceCheckpoint);
            }
        }
    }

    /// <summary>Journals the batch; on failure its change sets fail and the store takes no more writes.</summary>
    private bool Journal(List<(ChangeSet Changes, TaskCompletionSource Done)> batch)
    {
        try
        {
            if (_failed is not null)
            {
                throw new IOException("The data file failed earlier; restart the daemon.", _failed);
            }

            _files.Journal(batch.Select(b => b.Changes));
            Transactions++;
            return true;
        }
        catch (Exception ex)
        {
            if (_failed is null)
            {
                _failed = ex;
                _log.Fatal(ex, "Writing to the commit journal failed; {Count} changes were not acknowledged", batch.Count);
            }

            CommitCompletion.OnPool(batch, ex);
            return false;
        }
    }

    private void Acknowledge(List<(ChangeSet Changes, TaskCompletionSource Done)> batch)
    {
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
    }

    /// <summary>Applies the journaled documents to LiteDB, and checkpoints when asked; a failure stops further writes.</summary>
    private void CatchUp(bool checkpoint, ref int sinceCheckpoint)
    {
        if (_failed is not null)
        {
            return;
        }

        try
        {
            if (checkpoint)
            {
                _files.Checkpoint();
                Checkpoints++;
                sinceCheckpoint = 0;
            }
            else
            {
                _files.ApplyPending();
            }
        }
        catch (Exception ex)
        {
            // What was acknowledged is in the journal and is replayed at the next start; nothing more is taken.
            _failed = ex;
            _log.Fatal(ex, "Writing to the data file failed; the commit journal keeps every acknowledged change for the next start");
        }
    }

    private void RunChores(List<(string? Path, TaskCompletionSource Done)> chores, ref int sinceCheckpoint)
    {
        foreach (var (path, done) in chores)
        {
            try
            {
                if (_failed is not null)
                {
                    throw new IOException("The data file failed earlier; restart the daemon.", _failed);
                }

                if (path is null)
                {
                    _files.ApplyPending();
                    done.TrySetResult();
                    continue;
                }

                _files.Backup(path);
                Checkpoints++;
                sinceCheckpoint = 0;
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                // Whatever went wrong, the writer thread lives on: a backup is never worth the game.
                _log.Warning(ex, "Backing up the data file failed");
                done.TrySetException(ex);
            }
        }
    }
}
