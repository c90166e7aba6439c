using PartyMode.Engine;
using PartyMode.Engine.Events;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Table;

public sealed class TransactionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 20, 0, 0, TimeSpan.Zero);

    [Test]
    public void NewEvent_NotCompleted_LeavesTheLogUntouched()
    {
        var log = new EventLog(new CommitWatermark());
        var tx = new Transaction(log, Now);

        var e = tx.NewEvent("narrative", Audience.Public);

        Assert.That((e.Seq, log.NextSeq, tx.HasWork), Is.EqualTo((1L, 1L, true)));
    }

    [Test]
    public void Complete_EventsAndNotices_EventNoticesFirstAndSeqsJoinTheLog()
    {
        var log = new EventLog(new CommitWatermark());
        var tx = new Transaction(log, Now);
        tx.Notify(new SystemNotice("hello", Audience.Public));
        tx.NewEvent("narrative", Audience.Public);
        tx.NewEvent("dm_note", Audience.DmOnly);

        var changes = tx.Complete();

        Assert.That(changes.Notices.Select(n => n.GetType().Name), Is.EqualTo(new[] { nameof(EventNotice), nameof(EventNotice), nameof(SystemNotice) }));
        Assert.That((changes.LastSeq, log.NextSeq), Is.EqualTo((2L, 3L)));
    }

    [Test]
    public void Complete_BeforeTheWatermarkMoves_EventsAreNotRead()
    {
        var watermark = new CommitWatermark();
        var log = new EventLog(watermark);
        var tx = new Transaction(log, Now);
        tx.NewEvent("narrative", Audience.Public);
        var changes = tx.Complete();

        Assert.That(log.After(Viewer.Dm, 0, 10, null).Events, Is.Empty);
        watermark.Advance(changes.LastSeq);
        Assert.That(log.After(Viewer.Dm, 0, 10, null).Events, Has.Count.EqualTo(1));
    }

    [Test]
    public void Store_SameDocumentTwice_StoresItOnceAsItEndsUp()
    {
        var tx = new Transaction(new EventLog(new CommitWatermark()), Now);
        var action = new PartyMode.Engine.Actions.GameAction { Id = "act_000001", Text = "first" };
        tx.Store(action);
        action.Text = "second";
        tx.Store(action);

        Assert.That(tx.Complete().Actions.Select(a => a.Text), Is.EqualTo(new[] { "second" }));
    }
}
