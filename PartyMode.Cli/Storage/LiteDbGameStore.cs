using LiteDB;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;
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

    // LiteDB's own checkpoint (log pages copied into the data file, ~25 µs per transaction plus
    // ~0.7 ms) runs inside whichever commit crosses 1,000 pages: a 3–5 ms stall every ~50 rounds of
    // play. This store checkpoints when the writer has been idle for a moment instead, and at the
    // latest after ForceCheckpointAfter transactions (a few MiB of log) under continuous load.
    private const int DefaultIdleCheckpointAfter = 10;
    private const int ForceCheckpointAfter = 500;
    private static readonly TimeSpan IdleBeforeCheckpoint = TimeSpan.FromMilliseconds(2);

    // A batch this small (a table at play) resumes its requests on the writer thread: the answer goes
    // out without waking a thread-pool worker, and idle workers stay asleep instead of spinning for
    // work. A larger batch (intake under load) resumes in one work item, in parallel with the next commit.
    private const int ResumeInlineLimit = 4;
    private readonly LiteDatabase _db;
    // A plain monitor, not a BlockingCollection: its wait spins with sched_yield before it sleeps,
    // which on two cores took CPU from the very threads about to hand it work.
    private readonly object _gate = new();
    private readonly Queue<(ChangeSet Changes, TaskCompletionSource Done)> _queue = new();
    private bool _closed;
    private readonly int _idleCheckpointAfter;
    private readonly Thread _writer;
    private readonly Serilog.ILogger _log;
    private readonly ICommitSink? _committed;

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

    public StoredGame? Load()
    {
        var metaDoc = _db.GetCollection("meta").FindById("game");
        if (metaDoc is null)
        {
            return null;
        }

        var combatDoc = _db.GetCollection("combat").FindById("current");
        return new StoredGame
        {
            Meta = Read<GameMeta>(metaDoc),
            Seats = ReadAll<Seat>("seats"),
            Characters = ReadAll<Character>("characters"),
            Npcs = ReadAll<Npc>("npcs"),
            Locations = ReadAll<Location>("locations"),
            Actions = ReadAll<GameAction>("actions"),
            Events = ReadAll<GameEvent>("events"),
            Combat = combatDoc is null ? null : Read<CombatState>(combatDoc),
        };
    }

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
        _logFile?.Dispose();
        _db.Checkpoint();
        _db.Dispose();
    }

    private void WriterLoop()
    {
        var batch = new List<(ChangeSet Changes, TaskCompletionSource Done)>(MaxBatch);
        var sinceCheckpoint = 0;
        while (true)
        {
            batch.Clear();
            bool checkpointNow;
            lock (_gate)
            {
                // With log pages to copy, an idle writer waits only a moment before checkpointing.
                var timedOut = false;
                while (_queue.Count == 0 && !_closed && !timedOut)
                {
                    timedOut = !Monitor.Wait(_gate, sinceCheckpoint >= _idleCheckpointAfter ? IdleBeforeCheckpoint : Timeout.InfiniteTimeSpan);
                }

                if (_queue.Count == 0 && _closed)
                {
                    // Closed, and everything handed in before the close is committed.
                    return;
                }

                checkpointNow = _queue.Count == 0;
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
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
                    Apply(changes);
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
                CompleteOnPool(batch, ex);
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
                CompleteOnPool(batch, error: null);
            }
        }
    }

    /// <summary>Completes a batch's tasks in one thread-pool work item, so their requests resume off the writer thread.</summary>
    private static void CompleteOnPool(List<(ChangeSet Changes, TaskCompletionSource Done)> batch, Exception? error)
    {
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                foreach (var (_, done) in state.Batch)
                {
                    if (state.Error is null)
                    {
                        done.TrySetResult();
                    }
                    else
                    {
                        done.TrySetException(state.Error);
                    }
                }
            },
            (Batch: batch.ToArray(), Error: error),
            preferLocal: false);
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

    private void Apply(ChangeSet changes)
    {
        if (changes.Meta is not null)
        {
            _db.GetCollection("meta").Upsert(Doc("game", changes.Meta));
        }

        Upsert("seats", changes.Seats, s => s.Id);
        Upsert("characters", changes.Characters, c => c.Id);
        Upsert("npcs", changes.Npcs, n => n.Id);
        Upsert("locations", changes.Locations, l => l.Id);
        Upsert("actions", changes.Actions, a => a.Id);
        if (changes.Events.Count > 0)
        {
            var events = _db.GetCollection("events");
            foreach (var e in changes.Events)
            {
                // Events are only ever appended: an insert skips the update attempt an upsert makes first.
                events.Insert(Doc(e.Seq, e));
            }
        }

        if (changes.CombatChanged)
        {
            var combat = _db.GetCollection("combat");
            if (changes.Combat is null)
            {
                combat.Delete("current");
            }
            else
            {
                combat.Upsert(Doc("current", changes.Combat));
            }
        }
    }

    private void Upsert<T>(string collection, List<T> items, Func<T, string> id)
    {
        if (items.Count == 0)
        {
            return;
        }

        var col = _db.GetCollection(collection);
        foreach (var item in items)
        {
            col.Upsert(Doc(id(item), item));
        }
    }

    private static BsonDocument Doc<T>(BsonValue id, T value) => new()
    {
        ["_id"] = id,
        ["j"] = System.Text.Json.JsonSerializer.Serialize(value, EngineJson.Options),
    };

    private static T Read<T>(BsonDocument doc) => System.Text.Json.JsonSerializer.Deserialize<T>(doc["j"].AsString, EngineJson.Options)!;

    private List<T> ReadAll<T>(string collection) =>
        _db.GetCollection(collection).FindAll().Select(Read<T>).ToList();
}
