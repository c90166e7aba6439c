using PartyMode.Engine;
using PartyMode.Engine.Handouts;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Handouts;

/// <summary>The engine's handouts (docs/protocol.md §9): records, showings through the one filter, the TV slot, a reload.</summary>
public sealed class GameHandoutsTests
{
    private static HandoutImage Image(string sha = "aa11") => new("image/png", 100, 40, 30, sha);

    [Test]
    public void VisibilityRules_TvAudience_ObserverAndDmOnly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VisibilityRules.CanSee(Viewer.Observer, Audience.Tv), Is.True);
            Assert.That(VisibilityRules.CanSee(Viewer.Dm, Audience.Tv), Is.True);
            Assert.That(VisibilityRules.CanSee(Viewer.Player("thorin"), Audience.Tv), Is.False);
            Assert.That(Audience.Parse(Audience.Tv.ToString()), Is.EqualTo(Audience.Tv));
        });
    }

    [Test]
    public async Task Show_ToOnePlayer_OnlyThatPlayerAndTheDmMayFetchAndList()
    {
        var game = GameFactory.Demo();
        var (handout, created) = await game.Handouts.AddAsync("Letter", Image());
        await game.Handouts.ShowAsync(handout.Id, Audience.Players("vex"), "Read it alone.");

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.True);
            Assert.That(game.Handouts.ImageFor(Viewer.Player("vex"), handout.Id), Is.Not.Null);
            Assert.That(game.Handouts.ImageFor(Viewer.Dm, handout.Id), Is.Not.Null);
            Assert.That(game.Handouts.ImageFor(Viewer.Player("thorin"), handout.Id), Is.Null);
            Assert.That(game.Handouts.ImageFor(Viewer.Observer, handout.Id), Is.Null);
            Assert.That(game.Handouts.List(Viewer.Player("vex")).Single().LastShown!.Text, Is.EqualTo("Read it alone."));
            Assert.That(game.Handouts.List(Viewer.Player("thorin")).Where(e => e.Handout.Id == handout.Id), Is.Empty);
        });
    }

    [Test]
    public async Task Add_SameContentAndTitle_ReturnsTheFirstRecord()
    {
        var game = GameFactory.Demo();
        var first = await game.Handouts.AddAsync("Map", Image());
        var again = await game.Handouts.AddAsync(" Map ", Image());
        var other = await game.Handouts.AddAsync("Map", Image("bb22"));

        Assert.That((again.Created, again.Handout.Id), Is.EqualTo((false, first.Handout.Id)));
        Assert.That(other.Handout.Id, Is.Not.EqualTo(first.Handout.Id));
    }

    [Test]
    public void Add_EmptyOrLongTitle_IsRefusedNamingTheTitle()
    {
        var game = GameFactory.Demo();
        Assert.That(async () => await game.Handouts.AddAsync(" ", Image()), Throws.TypeOf<GameException>().With.Message.Contains("title"));
        Assert.That(async () => await game.Handouts.AddAsync(new string('x', 201), Image()), Throws.TypeOf<GameException>().With.Property("Code").EqualTo("too_long"));
        Assert.That(async () => await game.Handouts.ShowAsync("ho_000404", null, null), Throws.TypeOf<GameException>().With.Property("Kind").EqualTo(ErrorKind.NotFound));
    }

    [Test]
    public async Task SetTv_PartyHandout_ShowsItToTheTvFirstAndNotifiesTheTvAudience()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var (handout, _) = await game.Handouts.AddAsync("Plan", Image());
        await game.Handouts.ShowAsync(handout.Id, Audience.Party, null);
        Assert.That(game.Handouts.ImageFor(Viewer.Observer, handout.Id), Is.Null);
        store.Published.Clear();

        await game.Handouts.SetTvAsync(handout.Id);

        Assert.That(game.Handouts.ImageFor(Viewer.Observer, handout.Id), Is.Not.Null);
        Assert.That(store.Published.Of<TvNotice>().Single().Handout!.Id, Is.EqualTo(handout.Id));
        Assert.That(store.Published.Of<EventNotice>().Single().Event.Audience, Is.EqualTo(Audience.Tv));
        Assert.That(game.Handouts.Tv(Viewer.Observer)!.Handout!.Id, Is.EqualTo(handout.Id));
        Assert.That(game.Handouts.Tv(Viewer.Player("thorin")), Is.Null);
        Assert.That(game.Welcome(Viewer.Observer).Tv!.Handout!.Id, Is.EqualTo(handout.Id));

        // Again: already shown to the TV, no second showing.
        store.Published.Clear();
        await game.Handouts.SetTvAsync(handout.Id);
        Assert.That(store.Published.Of<EventNotice>(), Is.Empty);
    }

    [Test]
    public async Task ClearTv_WhenShowingOne_EmptiesTheSlot_AndAgainChangesNothing()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var (handout, _) = await game.Handouts.AddAsync("Card", Image());
        await game.Handouts.ShowAsync(handout.Id, Audience.Tv, null);
        var commits = store.Commits;

        await game.Handouts.ClearTvAsync();
        await game.Handouts.ClearTvAsync();

        Assert.That(game.Handouts.Tv(Viewer.Dm)!.Handout, Is.Null);
        Assert.That(store.Commits, Is.EqualTo(commits + 1), "clearing an empty TV writes nothing");
    }

    [Test]
    public async Task Reload_FromTheStore_KeepsRecordsShowingsAndTheTv()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var (handout, _) = await game.Handouts.AddAsync("Map", Image());
        await game.Handouts.ShowAsync(handout.Id, Audience.Public, "Here.");
        game.Dispose();

        var reloaded = GameFactory.Open(store, new PartyMode.Engine.Storage.CommitWatermark());

        Assert.That(reloaded.Handouts.ImageFor(Viewer.Observer, handout.Id), Is.Not.Null);
        Assert.That(reloaded.Handouts.Tv(Viewer.Observer)!.Handout!.Id, Is.EqualTo(handout.Id), "a public showing took the TV");
        Assert.That(reloaded.Handouts.List(Viewer.Player("gorm")).Single().LastShown!.Text, Is.EqualTo("Here."));
        var next = await reloaded.Handouts.AddAsync("Next", Image("cc33"));
        Assert.That(next.Handout.Id, Is.EqualTo("ho_000002"));
    }

    [Test]
    public async Task RevealNpc_WithAnImportedImage_ShowsItToTheParty()
    {
        var store = new InMemoryGameStore();
        var campaign = PartyMode.Engine.Campaigns.CampaignLoader.Demo();
        var game = Game.Import(store, store.Watermark, campaign, GameFactory.Key, new GameOptions(), TimeProvider.System,
            [new CampaignImage("images/grey-chancellor.png", Image("dd44"))]);
        var portrait = game.Handouts.All().Single();
        Assert.That((portrait.Subject, portrait.Title), Is.EqualTo(("npc:villain", "The Grey Chancellor")));
        Assert.That(game.Handouts.ImageFor(Viewer.Player("elara"), portrait.Id), Is.Null);

        await game.RevealNpcAsync("villain", null);

        Assert.That(game.Handouts.ImageFor(Viewer.Player("elara"), portrait.Id), Is.Not.Null);
        Assert.That(game.Handouts.ImageFor(Viewer.Observer, portrait.Id), Is.Null);
        Assert.That(game.Handouts.Tv(Viewer.Dm)!.Handout, Is.Null, "a party reveal does not take the TV");
    }
}
