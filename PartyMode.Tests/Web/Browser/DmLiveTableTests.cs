using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PartyMode.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The DM view at a live table (docs/web-app.md "Running a live table"): the waiting count, the resolve editor, errors where the DM looks, the refuse dialog, reveals, combat, the keyboard.</summary>
public sealed class DmLiveTableTests : BrowserTestBase
{
    /// <summary>Counts the oscillators the page starts: a chime is one or more.</summary>
    private const string CountChimes = """
        window.__chimes = 0;
        const Ctx = window.AudioContext;
        if (Ctx) {
          const make = Ctx.prototype.createOscillator;
          Ctx.prototype.createOscillator = function () { window.__chimes++; return make.call(this); };
        }
        """;

    [Test]
    public async Task QueueBadge_NewActionWhileOnAnotherTab_CountsInTheBadgeAndTheTitle()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        var dmPhone = await OpenAsync("dm", 375, 812);
        await dm.GetByTestId("tab-seats").ClickAsync();
        await dmPhone.GetByTestId("tab-combat").ClickAsync();
        await Expect(dm.Locator("#tab-queue .badge")).ToBeHiddenAsync();
        var vex = await OpenAsync("vex");

        await SayAsync(vex, "I slip behind the curtain " + Tag());

        await Expect(dm.Locator("#tab-queue .badge")).ToHaveTextAsync("1");
        await Expect(dm).ToHaveTitleAsync(new Regex(@"^\(1\) "));
        await Expect(dmPhone.Locator("#tab-queue .badge")).ToHaveTextAsync("1");
        await Expect(dmPhone.Locator("#tab-queue .badge")).ToBeVisibleAsync();
        await Expect(dm.GetByTestId("dm-seats")).ToBeVisibleAsync();

        await SubmitAsync("thorin", "I stand guard at the door " + Tag());

        await Expect(dm.Locator("#tab-queue .badge")).ToHaveTextAsync("2");
        await Expect(dm).ToHaveTitleAsync(new Regex(@"^\(2\) "));
        await Expect(dmPhone).ToHaveTitleAsync(new Regex(@"^\(2\) "));

        await Dm.PostAsync("/api/dm/actions/next");

        await Expect(dm.Locator("#tab-queue .badge")).ToHaveTextAsync("1");
        await Expect(dm).ToHaveTitleAsync(new Regex(@"^\(1\) "));
    }

    [Test]
    public async Task Chime_NewActionWhileTheSettingIsOnThenOff_RingsOnlyWhileOn()
    {
        var dm = await OpenAsync("dm", 1366, 768, p => p.AddInitScriptAsync(CountChimes));
        await dm.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 300 } });

        await SubmitAsync("vex", "I ring the bell " + Tag());

        await Expect(dm.Locator("#tab-queue .badge")).ToHaveTextAsync("1");
        await Poll.UntilAsync(async () => await dm.EvaluateAsync<int>("window.__chimes") > 0, "a chime for the new action");
        await dm.GetByTestId("settings-open").ClickAsync();
        await dm.GetByTestId("set-dmChime").UncheckAsync(new() { Force = true });
        await dm.GetByTestId("settings-close").ClickAsync();
        var rung = await dm.EvaluateAsync<int>("window.__chimes");

        await SubmitAsync("gorm", "I ring it again " + Tag());

        await Expect(dm.Locator("#tab-queue .badge")).ToHaveTextAsync("2");
        Assert.That(await dm.EvaluateAsync<int>("window.__chimes"), Is.EqualTo(rung), "a chime with the setting off");
    }

    [Test]
    public async Task ResolveEditor_CtrlEnterInAPrivatePart_ResolvesWithTheNarrativeAndThePrivatePart()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        var vex = await OpenAsync("vex");
        var said = "I search the desk drawers " + Tag();
        var narrative = "The drawers hold only dust " + Tag();
        var secret = "A false bottom: a folded letter " + Tag();
        await SayAsync(vex, said);
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(said);
        await dm.GetByTestId("dm-take-next").ClickAsync();

        await Expect(dm.GetByTestId("dm-private-vex")).ToBeHiddenAsync();
        await Expect(dm.GetByTestId("dm-resolve")).ToBeInViewportAsync();
        await dm.GetByTestId("dm-narrative").FillAsync(narrative);
        await dm.GetByTestId("dm-private-open-vex").ClickAsync();
        await dm.GetByTestId("dm-private-vex").FillAsync(secret);
        await Expect(dm.GetByTestId("dm-private-open-vex")).ToContainTextAsync("written");
        await dm.GetByTestId("dm-private-vex").PressAsync("Control+Enter");

        await Expect(dm.GetByTestId("dm-editor")).ToBeHiddenAsync();
        await Expect(Feed(vex)).ToContainTextAsync(narrative);
        await Expect(Feed(vex)).ToContainTextAsync(secret);
        await Expect(MyAction(vex, said).GetByTestId("action-status")).ToHaveTextAsync("Done");
    }

    [Test]
    public async Task EditorDiceBox_Roll_LandsAsADmRollWithTheChosenVisibility()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        var gorm = await OpenAsync("gorm");
        var said = "I try to lift the portcullis " + Tag();
        await SayAsync(gorm, said);
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(said);
        await dm.GetByTestId("dm-take-next").ClickAsync();

        await Expect(dm.GetByTestId("dm-editor-roll-for")).ToHaveValueAsync("gorm");
        await dm.GetByTestId("dm-editor-roll-expr").FillAsync("2d6+1");
        await dm.GetByTestId("dm-editor-roll-visibility").SelectOptionAsync("party");
        await dm.GetByTestId("dm-editor-roll-label").FillAsync("Portcullis");
        await dm.GetByTestId("dm-editor-roll").ClickAsync();

        await Expect(dm.GetByTestId("dm-editor-roll-result")).ToContainTextAsync("Portcullis: 2d6+1 →");
        await Expect(dm.GetByTestId("dm-current-text")).ToHaveTextAsync(said);
        await Expect(Feed(gorm).GetByTestId("msg-roll").Filter(new() { HasText = "Portcullis" })).ToBeVisibleAsync();
        var events = await Dm.GetAsync("/api/events?limit=1000");
        var roll = events!["events"]!.AsArray().Last(e => (string?)e!["type"] == "roll")!;
        Assert.That(((string?)roll["expr"], (string?)roll["visibility"], (string?)roll["label"], (string?)roll["by"] ?? "dm"), Is.EqualTo(("2d6+1", "party", "Portcullis", "dm")));
    }

    [Test]
    public async Task Whisper_NoRecipientTicked_SaysSoNextToTheWhisperBoxAndSendsNothingThenCtrlEnterSends()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        var elara = await OpenAsync("elara");
        var before = await LastSeqAsync();
        var text = "The statue's eyes follow you " + Tag();
        await dm.GetByTestId("tab-table").ClickAsync();
        await dm.GetByTestId("dm-whisper-text").FillAsync(text);

        await dm.GetByTestId("dm-whisper").ClickAsync();

        await Expect(dm.GetByTestId("dm-whisper-error")).ToContainTextAsync("nobody is ticked");
        await Expect(dm.GetByTestId("dm-whisper-error")).ToBeInViewportAsync();
        Assert.That(await LastSeqAsync(), Is.EqualTo(before), "a whisper to nobody stored an event");

        await dm.GetByTestId("dm-whisper-to").GetByLabel("Elara").CheckAsync();
        await Expect(dm.GetByTestId("dm-whisper-error")).ToBeHiddenAsync();
        await dm.GetByTestId("dm-whisper-text").PressAsync("Control+Enter");
        await Expect(dm.GetByTestId("dm-whisper-sent")).ToContainTextAsync("Whispered to Elara");
        await elara.GetByTestId("tab-secrets").ClickAsync();
        await Expect(elara.GetByTestId("secrets")).ToContainTextAsync(text);
    }

    [Test]
    public async Task DmRoll_BadExpressionAfterAGoodOne_ClearsTheOldResultAndSaysWhy()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        await dm.GetByTestId("tab-table").ClickAsync();
        await dm.GetByTestId("dm-roll-expr").FillAsync("1d20+3");
        await dm.GetByTestId("dm-roll").ClickAsync();
        await Expect(dm.GetByTestId("dm-roll-result")).ToContainTextAsync("1d20+3 →");

        await dm.GetByTestId("dm-roll-expr").FillAsync("2d6+");
        await dm.GetByTestId("dm-roll-expr").PressAsync("Enter");

        await Expect(dm.GetByTestId("dm-roll-result")).ToContainTextAsync("Bad dice expression");
        await Expect(dm.GetByTestId("dm-roll-result")).Not.ToContainTextAsync("→");
        await Expect(dm.GetByTestId("dm-roll-result")).ToHaveAttributeAsync("data-kind", "error");
    }

    [Test]
    public async Task Refuse_InPageDialogWithAReason_ReachesThePlayer()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        var prompts = 0;
        dm.Dialog += async (_, d) => { prompts++; await d.DismissAsync(); };
        var gorm = await OpenAsync("gorm");
        var said = "I punch the ghost " + Tag();
        var reason = "Your fist passes through it: it is not really here " + Tag();
        await SayAsync(gorm, said);
        var card = dm.GetByTestId("dm-pending").Locator("li").Filter(new() { HasText = said });

        await card.GetByRole(AriaRole.Button, new() { Name = "Refuse Gorm's action" }).ClickAsync();
        await Expect(dm.GetByTestId("dm-refuse-dialog")).ToBeVisibleAsync();
        await Expect(dm.GetByTestId("dm-refuse-quote")).ToHaveTextAsync(said);
        await dm.GetByTestId("dm-refuse-keep").ClickAsync();
        await Expect(dm.GetByTestId("dm-refuse-dialog")).ToBeHiddenAsync();
        await Expect(card).ToBeVisibleAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "Refuse Gorm's action" }).ClickAsync();
        await dm.GetByTestId("dm-refuse-reason").FillAsync(reason);
        await dm.GetByTestId("dm-refuse-confirm").ClickAsync();

        await Expect(MyAction(gorm, said).GetByTestId("action-status")).ToContainTextAsync(reason);
        await Expect(card).ToHaveCountAsync(0);
        Assert.That(prompts, Is.Zero, "the browser's prompt() or confirm() was used");
    }

    [Test]
    public async Task Reveal_FromTheWorldTabThenOverTheApi_ReachesPeopleAndPlacesAndTheDmsList()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        var elara = await OpenAsync("elara");
        await elara.GetByTestId("tab-party").ClickAsync();
        await Expect(elara.GetByTestId("world-npcs")).ToContainTextAsync("Marta Brindle");
        await Expect(elara.GetByTestId("world-npcs")).Not.ToContainTextAsync("Grey Chancellor");
        var narrative = "A grey-cloaked figure watches from the balcony " + Tag();

        await dm.GetByTestId("tab-world").ClickAsync();
        await Expect(dm.GetByTestId("dm-world-state-npc-villain")).ToHaveTextAsync("Unknown to the party");
        await dm.GetByTestId("dm-reveal-npc-villain").ClickAsync();
        await dm.GetByTestId("dm-reveal-text-npc-villain").FillAsync(narrative);
        await dm.GetByTestId("dm-reveal-send-npc-villain").ClickAsync();
        await Expect(dm.GetByTestId("dm-world-state-npc-villain")).ToHaveTextAsync("The party knows them");
        await Expect(dm.GetByTestId("dm-world-state-location-old-mill")).ToHaveTextAsync("Not discovered");
        await Dm.PostAsync("/api/dm/locations/old-mill/reveal");

        await Expect(elara.GetByTestId("world-npcs")).ToContainTextAsync("The Grey Chancellor");
        await Expect(elara.GetByTestId("world-places")).ToContainTextAsync("The Old Mill");
        await Expect(dm.GetByTestId("dm-world-state-location-old-mill")).ToHaveTextAsync("Discovered");
        await Expect(dm.GetByTestId("dm-reveal-location-old-mill")).ToHaveTextAsync("Reveal again…");
        // The portrait and the map came with their reveals (docs/protocol.md §9.4): they opened over the story.
        await Expect(elara.GetByTestId("handout-viewer")).ToBeVisibleAsync();
        while (await elara.GetByTestId("handout-viewer").IsVisibleAsync())
        {
            await elara.GetByTestId("handout-close").ClickAsync();
        }
        await elara.GetByTestId("tab-story").ClickAsync();
        await Expect(Feed(elara)).ToContainTextAsync(narrative);
        await Expect(Feed(elara)).ToContainTextAsync("The Old Mill: A burnt-out watermill");
    }

    [Test]
    public async Task Combat_NpcInitiativeInOneClickThenStart_ShowsNextTurnAndMarksTheHiddenNpc()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        var vex = await OpenAsync("vex");
        await dm.GetByTestId("tab-combat").ClickAsync();
        await dm.GetByRole(AriaRole.Button, new() { Name = "Add NPC" }).ClickAsync();
        await dm.GetByRole(AriaRole.Button, new() { Name = "Add NPC" }).ClickAsync();
        await dm.GetByRole(AriaRole.Checkbox, new() { Name = "hidden" }).Last.CheckAsync();

        await dm.GetByTestId("dm-roll-npc-init").ClickAsync();

        await Expect(dm.GetByTestId("dm-npc-init-0")).ToHaveValueAsync(new Regex(@"^([1-9]|1\d|20)$"));
        await Expect(dm.GetByTestId("dm-npc-init-1")).ToHaveValueAsync(new Regex(@"^([1-9]|1\d|20)$"));
        var events = (await Dm.GetAsync("/api/events?limit=1000"))!["events"]!.AsArray();
        var rolls = events.Where(e => (string?)e!["type"] == "roll" && ((string?)e["label"] ?? "").EndsWith(" initiative", StringComparison.Ordinal)).ToList();
        Assert.That(rolls.Select(r => ((string?)r!["label"], (string?)r["visibility"])), Is.EqualTo(new[] { ("Goblin 1 initiative", "dm"), ("Goblin 2 initiative", "dm") }));

        await dm.GetByTestId("dm-combat-start").ClickAsync();

        await Expect(dm.GetByTestId("dm-next-turn")).ToBeFocusedAsync();
        await Expect(dm.GetByTestId("dm-turnbar-next")).ToBeVisibleAsync();
        await Expect(dm.GetByTestId("dm-hidden-goblin-2")).ToHaveTextAsync("hidden from players");
        await Expect(dm.GetByTestId("initiative").GetByTestId("hidden-goblin-2")).ToBeVisibleAsync();
        await Expect(vex.GetByTestId("combat")).Not.ToContainTextAsync("Goblin 2");
        var before = (string?)(await Dm.GetAsync("/api/dm/combat"))!["combat"]!["current_turn"];
        await dm.GetByTestId("dm-turnbar-next").ClickAsync();
        await Poll.UntilAsync(async () => (string?)(await Dm.GetAsync("/api/dm/combat"))!["combat"]!["current_turn"] != before, "the turn to move on");
    }

    [Test]
    public async Task HelpOverlay_QuestionMarkAndButton_ListTheShortcutsAndTTakesTheNextAction()
    {
        var dm = await OpenAsync("dm", 1366, 768);
        var said = "I light a torch " + Tag();
        await SubmitAsync("thorin", said);
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(said);
        await dm.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 300 } });

        await dm.Keyboard.PressAsync("?");

        var help = dm.GetByTestId("dm-help");
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("Take the next waiting action");
        await Expect(help).ToContainTextAsync("Resolve the action in the editor");
        await Expect(help).ToContainTextAsync("Open Queue");
        await dm.Keyboard.PressAsync("Escape");
        await Expect(help).ToBeHiddenAsync();
        await dm.GetByTestId("dm-help-open").ClickAsync();
        await Expect(help).ToBeVisibleAsync();
        await dm.GetByTestId("dm-help-close").ClickAsync();
        await Expect(help).ToBeHiddenAsync();

        await dm.Keyboard.PressAsync("t");

        await Expect(dm.GetByTestId("dm-current-text")).ToHaveTextAsync(said);
        await Expect(dm.GetByTestId("dm-narrative")).ToBeFocusedAsync();
        await dm.GetByTestId("dm-narrative").PressAsync("Escape");
        await dm.GetByTestId("dm-narrative").BlurAsync();
        await dm.Keyboard.PressAsync("/");
        await Expect(dm.GetByTestId("dm-quick-text")).ToBeFocusedAsync();
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private async Task SubmitAsync(string seat, string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Server.TokenFor(seat));
        using var r = await http.PostAsync("/api/actions", System.Net.Http.Json.JsonContent.Create(new { text }));
        Assert.That(r.IsSuccessStatusCode, Is.True);
    }

    private async Task<long> LastSeqAsync()
    {
        var page = await Dm.GetAsync("/api/events?limit=1000");
        return page!["events"]!.AsArray().Select(e => (long)e!["seq"]!).DefaultIfEmpty(0).Max();
    }
}
