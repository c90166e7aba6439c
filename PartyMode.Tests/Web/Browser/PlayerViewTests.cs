using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

public sealed class PlayerViewTests : BrowserTestBase
{
    private static readonly string[] Poisoned = ["poisoned"];
    private static readonly string[] ThorinAndElara = ["thorin", "elara"];

    [Test]
    public async Task ResolvedAction_WithPrivatePart_ReachesOnlyItsAudience()
    {
        var thorin = await OpenAsync("thorin");
        var elara = await OpenAsync("elara");
        var observer = await OpenAsync("observer", 1280, 800);
        var said = "I pull the third torch bracket " + Guid.NewGuid().ToString("N")[..6];
        var narrative = "A hidden door grinds open behind the bar " + Guid.NewGuid().ToString("N")[..6];
        var secret = "You alone notice a rune scratched into the frame " + Guid.NewGuid().ToString("N")[..6];
        var marker = "The candles gutter " + Guid.NewGuid().ToString("N")[..6];

        await SayAsync(thorin, said);
        var mine = MyAction(thorin, said);
        await Expect(mine.GetByTestId("action-status")).ToHaveTextAsync("Queued");

        var next = await Dm.PostAsync("/api/dm/actions/next");
        Assert.That((string?)next?["action"]?["text"], Is.EqualTo(said));
        var id = (string)next!["action"]!["id"]!;
        await Expect(mine.GetByTestId("action-status")).ToHaveTextAsync("The DM is considering it");

        await Dm.PostAsync($"/api/dm/actions/{id}/resolve", new { narrative, @private = new Dictionary<string, string> { ["thorin"] = secret } });
        // A public line after the resolution: once a viewer has it, everything before it was delivered.
        await Dm.PostAsync("/api/dm/narrate", new { narrative = marker });

        await Expect(Feed(thorin)).ToContainTextAsync(narrative);
        await Expect(Feed(thorin).GetByTestId("msg-private").Filter(new() { HasText = secret })).ToBeVisibleAsync();
        await Expect(thorin.GetByTestId("secrets")).ToContainTextAsync(secret);
        await Expect(mine.GetByTestId("action-status")).ToHaveTextAsync("Done");
        await Expect(MyAction(thorin, said)).ToHaveCountAsync(1);

        foreach (var other in new[] { elara, observer })
        {
            await Expect(Feed(other)).ToContainTextAsync(marker);
            await Expect(Feed(other)).ToContainTextAsync(narrative);
            await Expect(Feed(other)).Not.ToContainTextAsync(secret);
        }
    }

    [Test]
    public async Task CharacterPatch_ByDm_UpdatesEveryOpenBrowser()
    {
        var thorin = await OpenAsync("thorin");
        var elara = await OpenAsync("elara");
        var gorm = await OpenAsync("gorm", 1280, 800);
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-chars").ClickAsync();
        var sheet = await Dm.GetAsync("/api/dm/characters/thorin");
        var max = (int)sheet!["character"]!["max_hp"]!;
        var before = (int)sheet["character"]!["hp"]!;
        var hp = before > max / 2 ? max / 2 - 1 : max - 1;
        var expected = hp.ToString(CultureInfo.InvariantCulture);

        await Dm.PatchAsync("/api/dm/characters/thorin", new { hp, conditions = Poisoned });

        await Expect(thorin.GetByTestId("my-hp")).ToHaveAttributeAsync("data-hp", expected);
        await Expect(thorin.GetByTestId("charbar")).ToContainTextAsync("poisoned");
        await Expect(elara.GetByTestId("party-hp-thorin")).ToHaveAttributeAsync("data-hp", expected);
        await Expect(elara.GetByTestId("party-thorin")).ToContainTextAsync("poisoned");
        await Expect(gorm.GetByTestId("party-hp-thorin")).ToHaveAttributeAsync("data-hp", expected);
        await Expect(dm.GetByTestId("dm-hp-thorin")).ToHaveValueAsync(expected);
        await Expect(dm.GetByTestId("dm-char-thorin")).ToContainTextAsync("poisoned");
    }

    [Test]
    public async Task CombatTurns_FromDmApi_GateTheActionBox()
    {
        var thorin = await OpenAsync("thorin");
        var elara = await OpenAsync("elara");

        await Dm.PostAsync("/api/dm/combat/start", new
        {
            combatants = new object[]
            {
                new { id = "thorin", name = "Thorin", initiative = 18, kind = "pc" },
                new { id = "elara", name = "Elara", initiative = 9, kind = "pc" },
            },
        });

        await Expect(thorin.GetByTestId("turn-banner")).ToContainTextAsync("YOUR TURN");
        await Expect(thorin.GetByTestId("action-text")).ToBeEnabledAsync();
        await Expect(elara.GetByTestId("turn-banner")).ToContainTextAsync("Waiting for Thorin");
        await Expect(elara.GetByTestId("action-text")).ToBeDisabledAsync();
        await Expect(elara.GetByTestId("action-send")).ToBeDisabledAsync();

        await Dm.PostAsync("/api/dm/combat/next-turn");

        await Expect(elara.GetByTestId("turn-banner")).ToContainTextAsync("YOUR TURN");
        await Expect(elara.GetByTestId("action-text")).ToBeEnabledAsync();
        await Expect(thorin.GetByTestId("turn-banner")).ToContainTextAsync("Waiting for Elara");
        await Expect(thorin.GetByTestId("action-text")).ToBeDisabledAsync();

        await Dm.PostAsync("/api/dm/combat/end");

        await Expect(thorin.GetByTestId("action-text")).ToBeEnabledAsync();
        await Expect(thorin.GetByTestId("combat")).ToBeHiddenAsync();
    }

    [Test]
    public async Task SimultaneousRound_ListedPlayersActOnce_OthersWait()
    {
        var thorin = await OpenAsync("thorin");
        var elara = await OpenAsync("elara");
        var vex = await OpenAsync("vex");
        var prompt = "The floor gives way beneath you " + Guid.NewGuid().ToString("N")[..6];

        await Dm.PostAsync("/api/dm/combat/simultaneous", new { prompt, timeout_seconds = 300, players = ThorinAndElara });

        await Expect(thorin.GetByTestId("simul-prompt")).ToHaveTextAsync(prompt);
        await Expect(thorin.GetByTestId("countdown")).ToContainTextAsync("left");
        await Expect(thorin.GetByTestId("waiting-for")).ToContainTextAsync("Thorin, Elara");
        await Expect(thorin.GetByTestId("action-text")).ToBeEnabledAsync();
        await Expect(vex.GetByTestId("simul-prompt")).ToHaveTextAsync(prompt);
        await Expect(vex.GetByTestId("action-text")).ToBeDisabledAsync();

        await SayAsync(thorin, "I grab the beam above me");

        await Expect(thorin.GetByTestId("action-text")).ToBeDisabledAsync();
        await Expect(elara.GetByTestId("waiting-for")).ToHaveTextAsync("Still to act: Elara");
        await Expect(elara.GetByTestId("action-text")).ToBeEnabledAsync();
    }

    [Test]
    public async Task Narrative_WithMarkup_IsShownAsTextNeverAsHtml()
    {
        var vex = await OpenAsync("vex");
        var markup = "<img src=x onerror=\"window.__pwned=1\"><b>bold</b> " + Guid.NewGuid().ToString("N")[..6];

        await Dm.PostAsync("/api/dm/narrate", new { narrative = markup });

        await Expect(Feed(vex).GetByTestId("msg-narrative").Filter(new() { HasText = markup })).ToHaveCountAsync(1);
        await Expect(Feed(vex).Locator("img, b")).ToHaveCountAsync(0);
        Assert.That(await vex.EvaluateAsync<bool>("() => window.__pwned === 1"), Is.False);
    }

    [Test]
    public async Task WhisperSwitch_SendsPrivateAction_OnlyDmAndActorSeeIt()
    {
        var thorin = await OpenAsync("thorin");
        var elara = await OpenAsync("elara");
        var dm = await OpenAsync("dm", 1280, 800);
        var whisper = "I quietly pocket the silver key " + Guid.NewGuid().ToString("N")[..6];
        var marker = "Thunder rolls over the ford " + Guid.NewGuid().ToString("N")[..6];

        await thorin.GetByText("Whisper to the DM").ClickAsync();
        await Expect(thorin.GetByTestId("whisper")).ToBeCheckedAsync();
        await SayAsync(thorin, whisper);
        await Expect(MyAction(thorin, whisper)).ToContainTextAsync("whispered to the DM");
        await Dm.PostAsync("/api/dm/narrate", new { narrative = marker });

        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(whisper);
        await Expect(Feed(dm).GetByTestId("msg-action").Filter(new() { HasText = whisper })).ToContainTextAsync("Thorin — whispered to the DM");
        await Expect(Feed(elara)).ToContainTextAsync(marker);
        await Expect(Feed(elara)).Not.ToContainTextAsync(whisper);
    }
}
