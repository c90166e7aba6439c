using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>On deck and your turn on a phone lying on the table; People &amp; Places (#16).</summary>
public sealed class TurnCueTests : BrowserTestBase
{
    private const string RecordVibrations = "window.__vibrations = []; navigator.vibrate = p => { window.__vibrations.push(JSON.stringify(p)); return true; };";

    private static readonly object[] Fight =
    [
        new { id = "thorin", name = "Thorin", initiative = 20, kind = "pc" },
        new { id = "goblin", name = "Goblin", initiative = 15, kind = "npc", hp = 7, max_hp = 7, ac = 13 },
        new { id = "elara", name = "Elara", initiative = 10, kind = "pc" },
    ];

    [Test]
    public async Task OnDeckThenYourTurn_GiveDistinctCues_TitleAndFlash()
    {
        var elara = await OpenAsync("elara", 375, 812, p => p.AddInitScriptAsync(RecordVibrations));
        await Dm.PostAsync("/api/dm/combat/start", new { combatants = Fight });
        await Expect(elara.GetByTestId("turn-banner")).ToContainTextAsync("you're next");
        await Expect(elara).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^◆ On deck"));
        await Expect(elara.Locator("[data-testid=cue-flash][data-kind=deck]")).ToHaveCountAsync(1);

        await Dm.PostAsync("/api/dm/combat/next-turn");
        await Dm.PostAsync("/api/dm/combat/next-turn");
        await Expect(elara.GetByTestId("turn-banner")).ToContainTextAsync("YOUR TURN");
        await Expect(elara).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^▶ Your turn"));
        await Expect(elara.Locator("[data-testid=cue-flash][data-kind=turn]")).ToHaveCountAsync(1);
        var vibrations = await elara.EvaluateAsync<string[]>("() => window.__vibrations");
        Assert.That(vibrations, Has.Length.EqualTo(2));
        Assert.That(vibrations[0], Is.Not.EqualTo(vibrations[1]), "a pattern each");
        var icon = await elara.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.That(icon, Does.StartWith("data:image/png"), "the favicon carries a badge");
    }

    [Test]
    public async Task CueSettings_ArePerDevice_AndTurnTheFlashOff()
    {
        var elara = await OpenAsync("elara", 375, 812, p => p.AddInitScriptAsync(RecordVibrations));
        await elara.GetByTestId("settings-open").ClickAsync();
        await elara.GetByTestId("set-flash").UncheckAsync(new() { Force = true });
        await elara.GetByTestId("set-vibrate").UncheckAsync(new() { Force = true });
        await elara.GetByTestId("settings-close").ClickAsync();
        await elara.ReloadAsync();
        await Expect(elara.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        await Dm.PostAsync("/api/dm/combat/start", new { combatants = Fight });
        await Expect(elara.GetByTestId("turn-banner")).ToContainTextAsync("you're next");
        await Expect(elara).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^◆ On deck"));
        await Expect(elara.GetByTestId("cue-flash")).ToHaveCountAsync(0);
        Assert.That(await elara.EvaluateAsync<int>("() => window.__vibrations.length"), Is.Zero);
    }

    [Test]
    public async Task KeepAwake_WithoutWakeLock_PlaysAMutedInlineVideo()
    {
        // A phone on plain HTTP has no Wake Lock API.
        var thorin = await OpenAsync("thorin", 375, 812, p => p.AddInitScriptAsync("delete Navigator.prototype.wakeLock;"));
        await thorin.GetByTestId("settings-open").ClickAsync();
        await thorin.GetByTestId("set-awake").CheckAsync(new() { Force = true });
        await Expect(thorin.Locator("body")).ToHaveAttributeAsync("data-awake", "video");
        var video = await thorin.GetByTestId("awake-video").EvaluateAsync<bool[]>("v => [v.muted, v.hasAttribute('playsinline'), v.loop]");
        Assert.That(video, Has.All.True);
        await thorin.GetByTestId("set-awake").UncheckAsync(new() { Force = true });
        await Expect(thorin.GetByTestId("awake-video")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task PeopleAndPlaces_ShowWhatWasRevealed_AsItIsRevealed()
    {
        var thorin = await OpenAsync("thorin", 375, 812);
        await thorin.GetByTestId("tab-party").ClickAsync();
        await Expect(thorin.GetByTestId("world")).ToBeVisibleAsync();
        var npcs = await Dm.GetAsync("/api/dm/npcs");
        var hidden = npcs!["npcs"]!.AsArray().First(n => !(bool)n!["known"]!)!;
        await Dm.PostAsync($"/api/dm/npcs/{(string)hidden["id"]!}/reveal", new { });
        await Expect(thorin.GetByTestId("world-npcs")).ToContainTextAsync((string)hidden["name"]!);
    }
}
