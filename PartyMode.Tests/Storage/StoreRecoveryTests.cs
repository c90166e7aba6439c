using LiteDB;
using PartyMode.Cli;
using PartyMode.Cli.DataSafety;
using PartyMode.Cli.Publishing;
using PartyMode.Cli.Storage;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;
using PartyMode.Tests.Engine;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Storage;

/// <summary>The journal and the log that keep their blocks (docs/protocol.md §6): what a crash or a power cut leaves is read back whole.</summary>
public sealed class StoreRecoveryTests
{
    private static readonly Serilog.ILogger Log = Serilog.Core.Logger.None;

    [TestCase(false)]
    [TestCase(true)]
    public async Task CrashImage_CommitsOnlyInTheJournal_ReplayedOnOpen(bool tornLiteDbLog)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "party.db");
        var copy = Path.Combine(folder.Path, "image", "party.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        long seq;
        var watermark = new CommitWatermark();
        using (var store = new LiteDbGameStore(file, Log, flushToDisk: true, idleCheckpointAfter: 1_000, committed: new CommitPipeline(watermark, hub: null)))
        {
            var game = GameFactory.Open(store, watermark, new GameOptions { ActionRateCount = 1_000 }, TimeProvider.System);
            for (var i = 0; i < 5; i++)
            {
                await game.SubmitActionAsync(Viewer.Player("vex"), $"step {i}", null, false);
            }

            seq = game.CommittedSeq;
            Assert.That(store.JournalBytes, Is.GreaterThan(0), "the commits are in the journal");

            // What a power cut or kill -9 leaves: the files as they are now, the preallocated blocks included.
            CopyImage(file, copy);
        }

        Assert.That(new FileInfo(StoreFiles.JournalOf(copy)).Length % PreallocatedFile.PageSize, Is.EqualTo(0));
        if (tornLiteDbLog)
        {
            // LiteDB's log is not flushed on commit: after a power cut any of its pages may be missing or stale.
            var log = BackupRestore.LogFileOf(copy);
            File.WriteAllBytes(log, Enumerable.Range(0, 3 * PreallocatedFile.PageSize).Select(i => (byte)(i * 7 + 1)).ToArray());
        }

        var reopened = new CommitWatermark();
        using (var store = new LiteDbGameStore(copy, Log, committed: new CommitPipeline(reopened, hub: null)))
        {
            var game = GameFactory.Open(store, reopened, new GameOptions(), TimeProvider.System);
            Assert.Multiple(() =>
            {
                Assert.That(game.CommittedSeq, Is.EqualTo(seq));
                Assert.That(game.ListActions(ActionStatus.Pending), Has.Count.EqualTo(5));
                Assert.That(store.LogBytesInUse, Is.EqualTo(0), "opening after a crash checkpoints the log at once");
                Assert.That(store.JournalBytes, Is.EqualTo(0), "and empties the journal");
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(BackupRestore.LogFileOf(copy)), Is.False, "a clean close leaves no log");
            Assert.That(File.Exists(StoreFiles.JournalOf(copy)), Is.False, "nor a journal");
            Assert.That(GameFile.Probe(copy).Events, Is.EqualTo(seq), "LiteDB itself reads the data file, up to date");
        });
    }

    [Test]
    public async Task Journal_TornLastRecord_EarlierCommitsKept()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "party.db");
        var copy = Path.Combine(folder.Path, "image", "party.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        long before;
        var watermark = new CommitWatermark();
        using (var store = new LiteDbGameStore(file, Log, flushToDisk: true, idleCheckpointAfter: 1_000, committed: new CommitPipeline(watermark, hub: null)))
        {
            var game = GameFactory.Open(store, watermark, new GameOptions { ActionRateCount = 1_000 }, TimeProvider.System);
            await game.SubmitActionAsync(Viewer.Player("vex"), "first", null, false);
            await game.SubmitActionAsync(Viewer.Player("vex"), "second", null, false);
            before = store.JournalBytes;
            await game.SubmitActionAsync(Viewer.Player("vex"), "third, torn", null, false);
            CopyImage(file, copy);
        }

        // The last record loses its tail, as a write cut by a power loss would.
        var journal = StoreFiles.JournalOf(copy);
        var bytes = File.ReadAllBytes(journal);
        Array.Clear(bytes, (int)before + 20, bytes.Length - (int)before - 20);
        File.WriteAllBytes(journal, bytes);

        var reopened = new CommitWatermark();
        using var reopenedStore = new LiteDbGameStore(copy, Log, committed: new CommitPipeline(reopened, hub: null));
        var again = GameFactory.Open(reopenedStore, reopened, new GameOptions(), TimeProvider.System);
        Assert.That(again.ListActions(null).Select(a => a.Text), Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public void Open_JournalWithOnlyATornRecord_DropsLiteDbsUnflushedLog()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "party.db");
        using (new LiteDbGameStore(file, Log))
        {
            // An empty game file, closed cleanly.
        }

        // As --no-fsync may leave after a power cut: the journal's only record torn, LiteDB's log holding pages.
        File.WriteAllBytes(StoreFiles.JournalOf(file), [0x50, 0x4D, 0x4A, 0x31, 8, 0, 0, 0, 1, 2, 3, 4, 9, 9, 9, 9, 9, 9, 9, 9]);
        File.WriteAllBytes(BackupRestore.LogFileOf(file), Enumerable.Range(0, 2 * PreallocatedFile.PageSize).Select(i => (byte)(i % 251 + 1)).ToArray());
        using var store = new LiteDbGameStore(file, Log);
        Assert.Multiple(() =>
        {
            Assert.That(store.Load(), Is.Null, "nothing was ever acknowledged");
            Assert.That(store.LogBytesInUse, Is.EqualTo(0));
            Assert.That(store.JournalBytes, Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Backup_CommitsOnlyInTheJournal_CopyHoldsThem()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "party.db");
        var backup = Path.Combine(folder.Path, "backup.db");
        var watermark = new CommitWatermark();
        using var store = new LiteDbGameStore(file, Log, flushToDisk: true, idleCheckpointAfter: 1_000, committed: new CommitPipeline(watermark, hub: null));
        var game = GameFactory.Open(store, watermark, new GameOptions { ActionRateCount = 1_000 }, TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            await game.SubmitActionAsync(Viewer.Player("vex"), $"step {i}", null, false);
        }

        await store.BackupAsync(backup);
        Assert.Multiple(() =>
        {
            Assert.That(GameFile.Probe(backup).Events, Is.EqualTo(game.CommittedSeq));
            Assert.That(store.JournalBytes, Is.EqualTo(0), "a backup checkpoints first");
        });
    }

    [Test]
    public void MoveAside_WithAJournal_MovesItWithTheGameFile()
    {
        using var folder = new TempFolder();
        var data = DataFolder.Resolve(folder.Path);
        File.WriteAllText(data.DataFile, "game");
        File.WriteAllText(StoreFiles.JournalOf(data.DataFile), "journal");
        var kept = BackupRestore.MoveAside(data, DateTimeOffset.UtcNow);
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(StoreFiles.JournalOf(data.DataFile)), Is.False, "never replayed over a restored backup");
            Assert.That(File.ReadAllText(StoreFiles.JournalOf(kept!)), Is.EqualTo("journal"));
        });
    }

    private static void CopyImage(string file, string copy)
    {
        File.Copy(file, copy);
        File.Copy(BackupRestore.LogFileOf(file), BackupRestore.LogFileOf(copy));
        File.Copy(StoreFiles.JournalOf(file), StoreFiles.JournalOf(copy));
    }

    [Test]
    public void LegacyLog_LeftByLiteDbItself_IsCheckpointedWhenTheStoreOpens()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "party.db");
        var image = Path.Combine(folder.Path, "image");
        Directory.CreateDirectory(image);
        var copy = Path.Combine(image, "party.db");
        using (var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }) { CheckpointSize = 0 })
        {
            var col = db.GetCollection("notes");
            for (var i = 0; i < 20; i++)
            {
                col.Insert(new BsonDocument { ["_id"] = i, ["text"] = $"note {i}" });
            }

            Assert.That(new FileInfo(BackupRestore.LogFileOf(file)).Length, Is.GreaterThan(0));
            File.Copy(file, copy);
            File.Copy(BackupRestore.LogFileOf(file), BackupRestore.LogFileOf(copy));
        }

        using (var store = new LiteDbGameStore(copy, Log))
        {
            Assert.That(store.LogBytesInUse, Is.EqualTo(0));
        }

        Assert.That(File.Exists(BackupRestore.LogFileOf(copy)), Is.False);
        using var check = new LiteDatabase(new ConnectionString { Filename = copy, ReadOnly = true, Connection = ConnectionType.Direct });
        Assert.That(check.GetCollection("notes").Count(), Is.EqualTo(20));
    }
}
