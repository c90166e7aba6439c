using PartyMode.Cli.Storage;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Storage;

public sealed class CommitJournalTests
{
    [Test]
    public void Reopen_AfterRecords_ReadsEveryWriteBackInOrder()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "party.journal");
        DocWrite[] first = [new("actions", "a-1", 0, "{\"id\":\"a-1\",\"text\":\"Über die Brücke\"}", false), new("events", null, 42, "{\"seq\":42}", true)];
        DocWrite[] second = [new("combat", "current", 0, null, false)];
        using (var journal = CommitJournal.Open(path, out var none))
        {
            Assert.That(none, Is.Empty);
            journal.Append(first);
            journal.Append(second);
            journal.FlushToDisk();
        }

        using var reopened = CommitJournal.Open(path, out var recovered);
        Assert.Multiple(() =>
        {
            Assert.That(recovered, Is.EqualTo(first.Concat(second).ToList()));
            Assert.That(reopened.Length, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Open_CorruptedRecord_StopsBeforeIt()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "party.journal");
        long firstEnd;
        using (var journal = CommitJournal.Open(path, out _))
        {
            journal.Append([new("actions", "a-1", 0, "{}", false)]);
            firstEnd = journal.Length;
            journal.Append([new("actions", "a-2", 0, "{\"long\":\"" + new string('x', 300) + "\"}", false)]);
        }

        // One flipped byte inside the second record's payload: its CRC no longer matches.
        var bytes = File.ReadAllBytes(path);
        bytes[firstEnd + 40] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
        using var reopened = CommitJournal.Open(path, out var recovered);
        Assert.Multiple(() =>
        {
            Assert.That(recovered.Select(w => w.TextId), Is.EqualTo(new[] { "a-1" }));
            Assert.That(reopened.Length, Is.EqualTo(firstEnd));
            Assert.That(reopened.HasBytes, Is.True, "the torn bytes are still there, to be zeroed before reuse");
        });
    }

    [Test]
    public void Reset_ThenReopen_IsEmptyAndTheFileIsGoneOnClose()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "party.journal");
        using (var journal = CommitJournal.Open(path, out _))
        {
            journal.Append([new("seats", "vex", 0, "{}", false)]);
            journal.Reset();
            Assert.That(journal.Length, Is.EqualTo(0));
        }

        Assert.That(File.Exists(path), Is.False);
        using var reopened = CommitJournal.Open(path, out var recovered);
        Assert.That(recovered, Is.Empty);
    }
}
