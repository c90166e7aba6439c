using PartyMode.Engine;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine.Seats;

public sealed class TokenTests
{
    [Test]
    public void Issue_AnySeat_Is32UrlSafeCharactersOf192Bits()
    {
        var token = GameFactory.Issuer.Issue("thorin", 0);
        Assert.That(token, Has.Length.EqualTo(32));
        Assert.That(token, Does.Match("^[A-Za-z0-9_-]{32}$"));
        Assert.That(TokenIssuer.TokenBytes * 8, Is.GreaterThanOrEqualTo(128));
    }

    [Test]
    public void Issue_ManySeatsAndGenerations_NeverCollide()
    {
        var issuer = new TokenIssuer(TokenIssuer.NewKey());
        var tokens = new HashSet<string>();
        for (var seat = 0; seat < 200; seat++)
        {
            for (var generation = 0; generation < 50; generation++)
            {
                Assert.That(tokens.Add(issuer.Issue("seat" + seat, generation)), Is.True);
            }
        }
    }

    [Test]
    public void Issue_DifferentKeys_GiveDifferentTokens()
    {
        var one = new TokenIssuer(TokenIssuer.NewKey()).Issue("thorin", 0);
        var other = new TokenIssuer(TokenIssuer.NewKey()).Issue("thorin", 0);
        Assert.That(one, Is.Not.EqualTo(other));
    }

    [Test]
    public void Tokens_ReopenedStore_AreStable()
    {
        var store = new InMemoryGameStore();
        var first = GameFactory.Demo(store);
        var reopened = GameFactory.Demo(store);
        foreach (var seat in new[] { "thorin", "observer", "dm" })
        {
            Assert.That(reopened.TokenFor(seat), Is.EqualTo(first.TokenFor(seat)));
            Assert.That(reopened.Authenticate(first.TokenFor(seat)).Viewer!.SeatId, Is.EqualTo(seat));
        }
    }

    [Test]
    public async Task Refresh_Seat_InvalidatesOldTokenAndKeepsItAfterReopen()
    {
        var store = new InMemoryGameStore();
        var game = GameFactory.Demo(store);
        var old = game.TokenFor("vex");
        var fresh = await game.RefreshSeatAsync("vex");
        Assert.That(fresh, Is.Not.EqualTo(old));
        Assert.That(game.Authenticate(old).Status, Is.EqualTo(AuthStatus.Invalid));
        Assert.That(game.Authenticate(fresh).Viewer, Is.EqualTo(Viewer.Player("vex")));
        var reopened = GameFactory.Demo(store);
        Assert.That(reopened.Authenticate(old).Status, Is.EqualTo(AuthStatus.Invalid));
        Assert.That(reopened.Authenticate(fresh).Status, Is.EqualTo(AuthStatus.Ok));
    }

    [Test]
    public async Task Kick_Seat_RevokesUntilRefreshAndCancelsPendingActions()
    {
        var game = GameFactory.Demo();
        var action = (await game.SubmitActionAsync(Viewer.Player("gorm"), "pray", null, false)).Action;
        var token = game.TokenFor("gorm");
        var cancelled = await game.KickSeatAsync("gorm");
        Assert.That(cancelled.Select(a => a.Id), Is.EqualTo(new[] { action.Id }));
        Assert.That(game.Authenticate(token).Status, Is.EqualTo(AuthStatus.Kicked));
        Assert.That(game.Authenticate(game.TokenFor("thorin")).Status, Is.EqualTo(AuthStatus.Ok));
        var fresh = await game.RefreshSeatAsync("gorm");
        Assert.That(game.Authenticate(fresh).Status, Is.EqualTo(AuthStatus.Ok));
        Assert.That(game.Authenticate(token).Status, Is.EqualTo(AuthStatus.Invalid));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("short")]
    [TestCase("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Authenticate_MissingMalformedOrUnknown_IsInvalid(string? token) =>
        Assert.That(GameFactory.Demo().Authenticate(token).Status, Is.EqualTo(AuthStatus.Invalid));

    [Test]
    public void Kick_DmSeat_IsRefused() =>
        Assert.That(() => GameFactory.Demo().KickSeatAsync("dm"), Throws.TypeOf<GameException>().With.Property(nameof(GameException.Code)).EqualTo("bad_seat"));
}
