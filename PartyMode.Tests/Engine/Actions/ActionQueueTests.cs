using Microsoft.Extensions.Time.Testing;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Actions;

public sealed class ActionQueueTests
{
    private static readonly Viewer Thorin = Viewer.Player("thorin");

    [Test]
    public async Task Action_Lifecycle_MovesPendingProcessingResolved()
    {
        var game = GameFactory.Demo();
        var (action, created) = await game.SubmitActionAsync(Thorin, "  I open the door  ", null, false);
        Assert.That(created, Is.True);
        Assert.That(action.Status, Is.EqualTo(ActionStatus.Pending));
        Assert.That(action.Text, Is.EqualTo("I open the door"));

        var popped = await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.That(popped!.Id, Is.EqualTo(action.Id));
        Assert.That(popped.Status, Is.EqualTo(ActionStatus.Processing));
        Assert.That(await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None), Is.Null);

        var (resolved, events) = await game.ResolveAsync(action.Id, "It creaks open.", new Dictionary<string, string> { ["thorin"] = "A draft." }, "trap armed");
        Assert.That(resolved.Status, Is.EqualTo(ActionStatus.Resolved));
        Assert.That(events.Select(e => (e.Type, e.Audience.ToString())), Is.EqualTo(new[] { ("narrative", "public"), ("private", "players:thorin"), ("dm_note", "dm") }));
        Assert.That(() => game.ResolveAsync(action.Id, "again", null, null), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Kind)).EqualTo(ErrorKind.Conflict));
    }

    [Test]
    public async Task Queue_SeveralActions_PopsInSubmissionOrder()
    {
        var game = GameFactory.Demo();
        var ids = new List<string>();
        foreach (var p in new[] { "vex", "thorin", "gorm" })
        {
            ids.Add((await game.SubmitActionAsync(Viewer.Player(p), "act " + p, null, false)).Action.Id);
        }

        var popped = new List<string>();
        while (await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None) is { } a)
        {
            popped.Add(a.Id);
        }

        Assert.That(popped, Is.EqualTo(ids));
    }

    [Test]
    public async Task Requeue_ProcessingAction_ReturnsToHeadOfQueue()
    {
        var game = GameFactory.Demo();
        var first = (await game.SubmitActionAsync(Thorin, "first", null, false)).Action;
        await game.SubmitActionAsync(Thorin, "second", null, false);
        await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None);
        var requeued = await game.RequeueAsync(first.Id);
        Assert.That(requeued.Status, Is.EqualTo(ActionStatus.Pending));
        Assert.That((await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None))!.Id, Is.EqualTo(first.Id));
        Assert.That(() => game.RequeueAsync("act_999999"), Throws.TypeOf<GameException>());
    }

    [Test]
    public async Task Cancel_PendingAction_IsCancelledWithReasonAndNotPopped()
    {
        var game = GameFactory.Demo();
        var action = (await game.SubmitActionAsync(Thorin, "x", null, false)).Action;
        var cancelled = await game.CancelAsync(action.Id, "out of turn");
        Assert.That(cancelled.Status, Is.EqualTo(ActionStatus.Cancelled));
        Assert.That(cancelled.Reason, Is.EqualTo("out of turn"));
        Assert.That(await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Submit_SameClientIdTwice_ReturnsFirstActionAndQueuesNothingNew()
    {
        var game = GameFactory.Demo();
        var (first, created1) = await game.SubmitActionAsync(Thorin, "hello", "c-1", false);
        var (second, created2) = await game.SubmitActionAsync(Thorin, "hello again", "c-1", false);
        var (other, created3) = await game.SubmitActionAsync(Viewer.Player("vex"), "hello", "c-1", false);
        Assert.That((created1, created2, created3), Is.EqualTo((true, false, true)));
        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(other.Id, Is.Not.EqualTo(first.Id));
        Assert.That(game.ListActions(null), Has.Count.EqualTo(2));
    }

    [Test]
    public void Submit_BadInput_ThrowsNamedErrors()
    {
        var game = GameFactory.Demo();
        Assert.Multiple(() =>
        {
            Assert.That(() => game.SubmitActionAsync(Thorin, "   ", null, false), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("empty_action"));
            Assert.That(() => game.SubmitActionAsync(Thorin, new string('a', 2001), null, false), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("too_long"));
            Assert.That(() => game.SubmitActionAsync(Viewer.Observer, "hi", null, false), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("observer_cannot_act"));
        });
    }

    [Test]
    public async Task Submit_OverRateLimit_IsRateLimitedUntilWindowPasses()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var game = GameFactory.Demo(time: time, options: new GameOptions { ActionRateCount = 3, ActionRateWindow = TimeSpan.FromSeconds(10) });
        for (var i = 0; i < 3; i++)
        {
            await game.SubmitActionAsync(Thorin, "a" + i, null, false);
        }

        Assert.That(() => game.SubmitActionAsync(Thorin, "too many", null, false), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("rate_limited"));
        Assert.That((await game.SubmitActionAsync(Viewer.Player("vex"), "other seat", null, false)).Created, Is.True);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.That((await game.SubmitActionAsync(Thorin, "later", null, false)).Created, Is.True);
    }

    [Test]
    public async Task Submit_EightThreadsAtOnce_IdsAndSeqsUnique()
    {
        var game = GameFactory.Demo();
        var players = new[] { "thorin", "elara", "vex", "gorm" };
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            start.Wait();
            var mine = new List<GameAction>();
            for (var i = 0; i < 50; i++)
            {
                mine.Add((await game.SubmitActionAsync(Viewer.Player(players[t % 4]), $"t{t}-{i}", null, false)).Action);
            }

            return mine;
        })).ToList();
        start.Set();
        var all = (await Task.WhenAll(tasks)).SelectMany(x => x).ToList();
        Assert.That(all, Has.Count.EqualTo(400));
        Assert.That(all.Select(a => a.Id).Distinct().Count(), Is.EqualTo(400));
        Assert.That(all.Select(a => a.Seq).Distinct().Count(), Is.EqualTo(400));
        Assert.That(all.All(a => a.Text.StartsWith('t') && a.PlayerId == players[int.Parse(a.Text[1..a.Text.IndexOf('-')], System.Globalization.CultureInfo.InvariantCulture) % 4]), Is.True);
        Assert.That(game.ListActions(ActionStatus.Pending), Has.Count.EqualTo(400));
    }

    [Test]
    public async Task NextAction_WithWait_ReturnsActionSubmittedWhileWaiting()
    {
        var game = GameFactory.Demo(time: TimeProvider.System);
        var waiting = game.NextActionAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False);
        var action = (await game.SubmitActionAsync(Thorin, "arrives", null, false)).Action;
        var popped = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(popped!.Id, Is.EqualTo(action.Id));
    }

    [Test]
    public async Task Restart_OverSameStore_KeepsQueueIdsAndHistory()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var a1 = (await game.SubmitActionAsync(Thorin, "one", "k1", false)).Action;
        var a2 = (await game.SubmitActionAsync(Thorin, "two", null, true)).Action;
        await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None);
        await game.ResolveAsync(a1.Id, "done", null, null);

        var reopened = GameFactory.Demo(store);
        Assert.That(reopened.GetAction(Viewer.Dm, a1.Id).Status, Is.EqualTo(ActionStatus.Resolved));
        Assert.That(reopened.GetAction(Viewer.Dm, a2.Id).Status, Is.EqualTo(ActionStatus.Pending));
        Assert.That(reopened.CommittedSeq, Is.EqualTo(game.CommittedSeq));
        Assert.That((await reopened.SubmitActionAsync(Thorin, "dup", "k1", false)).Created, Is.False);
        var a3 = (await reopened.SubmitActionAsync(Thorin, "three", null, false)).Action;
        Assert.That(a3.Number, Is.EqualTo(a2.Number + 1));
        Assert.That((await reopened.NextActionAsync(TimeSpan.Zero, CancellationToken.None))!.Id, Is.EqualTo(a2.Id));
    }
}
