using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The observer's TV stage without join codes (the default).</summary>
public sealed class TvStageTests : BrowserTestBase
{
    [Test]
    public async Task Lobby_CountsWhoJoined_WithoutJoinCodesByDefault()
    {
        var tv = await OpenAsync("observer", 1920, 1080);
        await Expect(tv.Locator("body")).ToHaveAttributeAsync("data-stage", "lobby");
        await Expect(tv.GetByTestId("tv-joined")).ToHaveTextAsync("0 of 4 joined");
        await OpenAsync("thorin");
        await Expect(tv.GetByTestId("tv-joined")).ToHaveTextAsync("1 of 4 joined");
        await Expect(tv.GetByTestId("tv-qr")).ToHaveCountAsync(0);
        await Expect(tv.GetByTestId("tv-seat").Filter(new() { HasText = "Thorin" })).ToContainTextAsync("joined");
    }

    [Test]
    public async Task Stage_FollowsTheGame_CombatRibbonRoundsAndBigPublicRolls()
    {
        var thorin = await OpenAsync("thorin");
        var tv = await OpenAsync("observer", 1920, 1080);
        await SayAsync(thorin, "I step into the hall.");
        await Expect(tv.Locator("body")).ToHaveAttributeAsync("data-stage", "explore");
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "The hall is silent." });
        await Expect(tv.Locator("#feed .msg.narrative.latest")).ToContainTextAsync("The hall is silent.");
        await Expect(tv.Locator("#feed time:visible")).ToHaveCountAsync(0);

        await Dm.PostAsync("/api/dm/combat/start", new
        {
            combatants = new object[]
            {
                new { id = "thorin", name = "Thorin", initiative = 20, kind = "pc" },
                new { id = "goblin", name = "Goblin", initiative = 15, kind = "npc", hp = 7, max_hp = 7, ac = 13 },
                new { id = "elara", name = "Elara", initiative = 10, kind = "pc" },
            },
        });
        await Expect(tv.Locator("body")).ToHaveAttributeAsync("data-stage", "combat");
        await Expect(tv.GetByTestId("initiative")).ToBeVisibleAsync();
        await Expect(tv.Locator(".init.current")).ToContainTextAsync("Thorin");
        await Expect(tv.Locator(".init.deck")).ToContainTextAsync("Elara");
        await Expect(tv.GetByTestId("tv-status")).ToContainTextAsync("Round 1");
        using var dmHttp = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) };
        dmHttp.DefaultRequestHeaders.Authorization = new("Bearer", Server.TokenFor("dm"));
        using var patched = await dmHttp.PatchAsync("/api/dm/combat/combatants/goblin", System.Net.Http.Json.JsonContent.Create(new { hp = 3 }));
        Assert.That(patched.IsSuccessStatusCode, Is.True);
        await Expect(tv.Locator(".init").Filter(new() { HasText = "Goblin" })).ToContainTextAsync("bloodied");

        await Dm.PostAsync("/api/dm/roll", new { expr = "1d20+3", visibility = "public", label = "Perception" });
        await Expect(tv.GetByTestId("tv-roll")).ToBeVisibleAsync();
        await Expect(tv.GetByTestId("tv-roll")).ToContainTextAsync("rolled");

        await Dm.PostAsync("/api/dm/combat/simultaneous", new { prompt = "The ceiling cracks!", timeout_seconds = 120 });
        await Expect(tv.Locator("body")).ToHaveAttributeAsync("data-stage", "simul");
        await Expect(tv.GetByTestId("simul-prompt")).ToHaveTextAsync("The ceiling cracks!");
        await Expect(tv.GetByTestId("tv-status")).ToHaveTextAsync("0 of 2 have answered");
        await SayAsync(thorin, "I dive under the table.");
        await Expect(tv.GetByTestId("tv-status")).ToHaveTextAsync("1 of 2 have answered");
        var width = await tv.Locator("#panel-story").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.That(width, Is.GreaterThan(1800), "the full width of the screen");
    }
}
