using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Cli.Publishing;
using PartyMode.Cli.Storage;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;
using PartyMode.Tests.Engine;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Storage;

public sealed class LiteDbGameStoreTests
{
    private static readonly Serilog.ILogger Log = Serilog.Core.Logger.None;

    [Test]
    public async Task Reopen_AfterChanges_RestoresEverything()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "party.db");
        string actionId;
        string refreshedToken;
        long seq;
        var watermark = new CommitWatermark();
        using (var store = new LiteDbGameStore(file, Log, committed: new CommitPipeline(watermark, hub: null)))
        {
            var game = GameFactory.Open(store, watermark, new GameOptions(), TimeProvider.System);
            actionId = (await game.SubmitActionAsync(Viewer.Player("vex"), "I pick the lock", "k", true)).Action.Id;
            await game.SubmitActionAsync(Viewer.Player("gorm"), "still pending", null, false);
            await game.NextActionAsync(TimeSpan.Zero, CancellationToken.None);
            await game.ResolveAsync(actionId, "Click.", new Dictionary<string, string> { ["vex"] = "You hear breathing." }, "guard behind the door");
            await game.PatchCharacterAsync("thorin", new System.Text.Json.Nodes.JsonObject { ["hp"] = 12, ["conditions"] = new System.Text.Json.Nodes.JsonArray("poisoned") });
            await game.RevealNpcAsync("villain", null);
            refreshedToken = await game.RefreshSeatAsync("elara");
            await game.KickSeatAsync("observer");
            seq = game.CommittedSeq;
        }

        var reopened = new CommitWatermark();
        using (var store = new LiteDbGameStore(file, Log, committed: new CommitPipeline(reopened, hub: null)))
        {
            var game = Game.Load(store, reopened, GameFactory.Key, new GameOptions(), TimeProvider.System);
            Assert.That(game, Is.Not.Null);
            Assert.Multiple(() =>
            {
                Assert.That(game!.CommittedSeq, Is.EqualTo(seq));
                Assert.That(game.GetAction(Viewer.Dm, actionId).Status, Is.EqualTo(ActionStatus.Resolved));
                Assert.That(game.ListActions(ActionStatus.Pending), Has.Count.EqualTo(1));
                Assert.That(game.GetCharacter(Viewer.Dm, "thorin").Hp, Is.EqualTo(12));
                Assert.That(game.GetCharacter(Viewer.Dm, "thorin").Conditions, Is.EqualTo(new[] { "poisoned" }));
                Assert.That(game.KnownNpcs().Select(n => n.Id), Does.Contain("villain"));
                Assert.That(game.Authenticate(refreshedToken).Viewer, Is.EqualTo(Viewer.Player("elara")));
                Assert.That(game.Authenticate(game.TokenFor("observer")).Status, Is.EqualTo(AuthStatus.Kicked));
                Assert.That(game.EventsAfter(Viewer.Player("vex"), 0, 1000).Events.Any(e => e.Text == "You hear breathing."), Is.True);
                Assert.That(game.EventsAfter(Viewer.Player("thorin"), 0, 1000).Events.Any(e => e.Text == "You hear breathing."), Is.False);
            });
        }
    }

    [Test]
    public async Task Store_IdleAfterCommits_CheckpointsAndKeepsEverything()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "party.db");
        long seq;
        var watermark = new CommitWatermark();
        using (var store = new LiteDbGameStore(file, Log, idleCheckpointAfter: 1, committed: new CommitPipeline(watermark, hub: null)))
        {
            var game = GameFactory.Open(store, watermark, new GameOptions { ActionRateCount = 1_000 }, TimeProvider.System);
            for (var i = 0; i < 30; i++)
            {
                await game.SubmitActionAsync(Viewer.Player("vex"), $"step {i}", null, false);
            }

            // Nothing comes after the last commit: the idle writer copies the log into the data file.
            await Poll.UntilAsync(() => store.Checkpoints > 0 && store.LogBytesInUse == 0, "an idle checkpoint that empties the log");
            seq = game.CommittedSeq;
        }

        var reopened = new CommitWatermark();
        using (var store = new LiteDbGameStore(file, Log, committed: new CommitPipeline(reopened, hub: null)))
        {
            var game = GameFactory.Open(store, reopened, new GameOptions(), TimeProvider.System);
            Assert.Multiple(() =>
            {
                Assert.That(game.CommittedSeq, Is.EqualTo(seq));
                Assert.That(game.ListActions(ActionStatus.Pending), Has.Count.EqualTo(30));
            });
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Commit_ManyConcurrentWriters_NothingLostAndBatched(bool flushToDisk)
    {
        using var folder = new TempFolder();
        var watermark = new CommitWatermark();
        using var store = new LiteDbGameStore(Path.Combine(folder.Path, "party.db"), Log, flushToDisk, committed: new CommitPipeline(watermark, hub: null));
        var game = GameFactory.Open(store, watermark, new GameOptions { ActionRateCount = 100_000 }, TimeProvider.System);
        var players = new[] { "thorin", "elara", "vex", "gorm" };
        var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            for (var j = 0; j < 20; j++)
            {
                await game.SubmitActionAsync(Viewer.Player(players[i % 4]), $"w{i}-{j}", null, false);
            }
        }));
        await Task.WhenAll(tasks);
        var loaded = store.Load()!;
        Assert.That(loaded.Actions, Has.Count.EqualTo(1280));
        Assert.That(loaded.Actions.Select(a => a.Id).Distinct().Count(), Is.EqualTo(1280));
        Assert.That(loaded.Events.Count(e => e.Type == "action"), Is.EqualTo(1280));
        TestContext.Out.WriteLine($"{store.CommittedChangeSets} change sets in {store.Transactions} transactions");
        Assert.That(store.Transactions, Is.LessThanOrEqualTo(store.CommittedChangeSets));
    }

    [Test]
    public void SecondDaemon_SameFolder_IsRefused()
    {
        using var folder = new TempFolder();
        var dataFolder = PartyMode.Cli.DataFolder.Resolve(folder.Path);
        using var first = PartyMode.Cli.Hosting.DaemonLock.Acquire(dataFolder);
        Assert.That(() => PartyMode.Cli.Hosting.DaemonLock.Acquire(dataFolder),
            Throws.TypeOf<PartyMode.Cli.Hosting.DaemonAlreadyRunningException>().With.Message.Contains("already running"));
    }

    [Test]
    public async Task BadCampaign_OnUsedFolder_ChangesNothing()
    {
        using var folder = new TempFolder();
        await using (var server = await TestServer.StartAsync(dataDirectory: folder.Path))
        {
            await server.SubmitAsync("thorin", "remember me");
        }

        var bad = Path.Combine(folder.Path, "bad.json");
        await File.WriteAllTextAsync(bad, """{"id":"other","name":"X","characters":[{"id":"a","name":"A","hp":-1,"max_hp":3}]}""");
        Assert.That(() => TestServer.StartAsync(dataDirectory: folder.Path, campaignFile: bad), Throws.TypeOf<CampaignException>());
        await using var again = await TestServer.StartAsync(dataDirectory: folder.Path);
        var actions = await again.GetJsonAsync("dm", "/api/dm/actions");
        Assert.That(actions.GetProperty("actions").GetArrayLength(), Is.EqualTo(1));
    }
}
