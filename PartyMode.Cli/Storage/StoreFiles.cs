using LiteDB;
using LiteDB.Engine;
using PartyMode.Cli.DataSafety;
using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Storage;

/// <summary>
/// The game's files and the order they are written in (docs/protocol.md §6). A group commit is one record
/// appended to the journal and flushed: that is what makes it durable. LiteDB gets the documents later, many
/// commits in one transaction that is never flushed on its own; a checkpoint copies LiteDB's log into the data
/// file (flushed) and only then empties the journal, so the journal always holds every commit the data file
/// lacks. Used by the store's one writer thread only.
/// </summary>
internal sealed class StoreFiles : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly PreallocatedFile _log;
    private readonly CommitJournal _journal;
    private readonly string _dataPath;
    private readonly bool _flushToDisk;
    private readonly List<DocWrite> _pending = [];
    private readonly List<DocWrite> _batch = [];

    /// <summary>Opens the files; a journal left by a crash is replayed into the data file first.</summary>
    public StoreFiles(string dataPath, bool flushToDisk)
    {
        _dataPath = dataPath;
        _flushToDisk = flushToDisk;
        _journal = CommitJournal.Open(JournalOf(dataPath), out var recovered);
        try
        {
            _log = PreallocatedFile.Open(BackupRestore.LogFileOf(dataPath));
            if (_journal.HasBytes)
            {
                // A stop without a checkpoint. LiteDB's log is never flushed and may be torn by a power cut, and
                // everything in it came from journal records: the whole ones are replayed below, and what a torn
                // record held (never flushed, so never acknowledged with flushing on) is dropped with it.
                _log.SetLength(0);
            }

            _db = new LiteDatabase(new LiteEngine(new EngineSettings { Filename = dataPath, LogStream = _log })) { CheckpointSize = 0 };
            if (recovered.Count > 0)
            {
                _db.BeginTrans();
                GameDocuments.Apply(_db, recovered, replay: true);
                _db.Commit();
            }

            if (_log.Length > 0)
            {
                // Left by a crash: the confirmed transactions go into the data file and a half-written one is
                // dropped, so no transaction number from before the crash is ever met again in the log.
                _db.Checkpoint();
            }

            if (_journal.HasBytes)
            {
                _journal.Reset();
            }

            Recovered = recovered.Count;
        }
        catch
        {
            _db?.Dispose();
            _log?.Dispose();
            _journal.Dispose();
            throw;
        }
    }

    /// <summary>Document writes replayed from the journal when the files were opened (0 after a clean stop).</summary>
    public int Recovered { get; }

    /// <summary>Change sets journaled but not yet in LiteDB.</summary>
    public int PendingChangeSets { get; private set; }

    /// <summary>Bytes of the journal: every commit since the last checkpoint.</summary>
    public long JournalBytes => _journal.Length;

    /// <summary>Bytes of LiteDB's log in use: 0 after a checkpoint (the file keeps its blocks).</summary>
    public long LogBytesInUse => _log.Length;

    /// <summary>The commit journal beside a data file: <c>party.db</c> → <c>party.journal</c>.</summary>
    public static string JournalOf(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataFile))!, Path.GetFileNameWithoutExtension(dataFile) + ".journal");

    public StoredGame? Load() => GameDocuments.Load(_db);

    /// <summary>Makes a batch of change sets durable: one journal record, flushed unless <c>--no-fsync</c>.</summary>
    public void Journal(IEnumerable<ChangeSet> batch)
    {
        _batch.Clear();
        var sets = 0;
        foreach (var changes in batch)
        {
            GameDocuments.AddWrites(changes, _batch);
            sets++;
        }

        _journal.Append(_batch);
        if (_flushToDisk)
        {
            _journal.FlushToDisk();
        }

        _pending.AddRange(_batch);
        PendingChangeSets += sets;
    }

    /// <summary>Writes the journaled documents into LiteDB in one transaction (not flushed: the journal keeps them).</summary>
    public void ApplyPending()
    {
        if (_pending.Count == 0)
        {
            PendingChangeSets = 0;
            return;
        }

        _db.BeginTrans();
        try
        {
            GameDocuments.Apply(_db, _pending, replay: false);
            _db.Commit();
        }
        catch
        {
            TryRollback();
            throw;
        }

        _pending.Clear();
        PendingChangeSets = 0;
    }

    /// <summary>Brings the data file up to date and flushes it, then empties LiteDB's log and the journal.</summary>
    public void Checkpoint()
    {
        ApplyPending();
        _db.Checkpoint();
        if (_journal.HasBytes)
        {
            _journal.Reset();
        }
    }

    /// <summary>Copies the data file, up to date, to <paramref name="path"/>.</summary>
    public void Backup(string path)
    {
        Checkpoint();
        BackupRestore.CopyDurably(_dataPath, path);
    }

    public void Wipe()
    {
        _pending.Clear();
        PendingChangeSets = 0;
        foreach (var name in _db.GetCollectionNames().ToList())
        {
            _db.DropCollection(name);
        }

        _db.Checkpoint();
        _journal.Reset();
    }

    /// <summary>Closes the files after a last checkpoint, so a clean stop leaves the data file alone.</summary>
    public void Dispose() => Close(checkpoint: true);

    /// <summary>Closes the files; without <paramref name="checkpoint"/> (after a failed write) the journal is left for the next start.</summary>
    public void Close(bool checkpoint)
    {
        try
        {
            if (checkpoint)
            {
                Checkpoint();
            }
        }
        finally
        {
            _db.Dispose();
            _log.Dispose();
            _journal.Dispose();
        }
    }

    private void TryRollback()
    {
        try
        {
            _db.Rollback();
        }
        catch (LiteException)
        {
            // The caller reports the failure that led here.
        }
    }
}
