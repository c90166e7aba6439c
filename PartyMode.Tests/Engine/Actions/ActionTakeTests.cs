using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Actions;

/// <summary>Taking any pending action out of turn (docs/protocol.md §3.7.18).</summary>
public sealed class ActionTakeTests
{
    [Test]
    public async Task Take_SecondOfThree_IsProcessingAndNextStillGivesTheOldestOthers()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var ids = new List<string>();
        foreach (var p in new[] { "vex", "thorin", "gorm" })
        {
            ids.Add((await game.SubmitActionAsync(Viewer.Player(p), "act " + p, null, false)).Action.Id);
        }

        var taken = await game.TakeActionAsync(ids[1]);

        Assert.That((taken.Id, taken.Status), Is.EqualTo((ids[1], ActionStatus.Processing)));
        Assert.That(store.Published.Of<ActionStatusNotice>()[^1].Action.Status, Is.EqualTo(ActionStatus.Processing));
        Assert.That((await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None))!.Id, Is.EqualTo(ids[0]));
        Assert.That((await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None))!.Id, Is.EqualTo(ids[2]));
        Assert.That(await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Take_ProcessingResolvedOrUnknown_ConflictOrNotFoundAndNothingChanges()
    {
        var game = GameFactory.Demo();
        var id = (await game.SubmitActionAsync(Viewer.Player("thorin"), "I wait", null, false)).Action.Id;
        await game.TakeActionAsync(id);

        var again = Assert.ThrowsAsync<GameException>(() => game.TakeActionAsync(id));
        Assert.That((again!.Kind, again.Code, again.Message), Is.EqualTo((ErrorKind.Conflict, "not_pending", $"Action {id} is processing; only a pending action can be taken.")));
        await game.ResolveAsync(id, "Time passes.", null, null);
        Assert.That(Assert.ThrowsAsync<GameException>(() => game.TakeActionAsync(id))!.Message, Does.Contain("is resolved"));
        Assert.That(Assert.ThrowsAsync<GameException>(() => game.TakeActionAsync("act_999999"))!.Kind, Is.EqualTo(ErrorKind.NotFound));
        Assert.That(game.GetAction(Viewer.Dm, id).Status, Is.EqualTo(ActionStatus.Resolved));
    }

    [Test]
    public async Task Take_ActionHeldByAnOpenRound_ConflictUntilTheRoundCloses()
    {
        var game = GameFactory.Demo();
        await game.SimultaneousRoundAsync("Hold the door!", 300, ["thorin", "vex"]);
        var id = (await game.SubmitActionAsync(Viewer.Player("thorin"), "I brace the door", null, false)).Action.Id;

        var held = Assert.ThrowsAsync<GameException>(() => game.TakeActionAsync(id));

        Assert.That((held!.Kind, held.Code), Is.EqualTo((ErrorKind.Conflict, "held_by_round")));
        await game.SubmitActionAsync(Viewer.Player("vex"), "I run", null, false);
        Assert.That((await game.TakeActionAsync(id)).Status, Is.EqualTo(ActionStatus.Processing));
    }

    [Test]
    public async Task Take_ThenRestart_StaysProcessingAndOutOfTheQueue()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var first = (await game.SubmitActionAsync(Viewer.Player("vex"), "first", null, false)).Action.Id;
        var second = (await game.SubmitActionAsync(Viewer.Player("gorm"), "second", null, false)).Action.Id;
        await game.TakeActionAsync(second);
        game.Dispose();

        var reopened = GameFactory.Open(store, store.Watermark);

        Assert.That(reopened.GetAction(Viewer.Dm, second).Status, Is.EqualTo(ActionStatus.Processing));
        Assert.That((await reopened.NextActionAsync(TimeSpan.Zero, CancellationToken.None))!.Id, Is.EqualTo(first));
        Assert.That(await reopened.NextActionAsync(TimeSpan.Zero, CancellationToken.None), Is.Null);
    }
}
