using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>
/// The DM view's server-backed tools (issue 17): Take on any waiting card, edit and retract its own messages
/// (seen live, after a reload and on a new device), Undo after a quick narration, live seat counts, and
/// "view as" with the seat's combat view, sheet and a paged story.
/// </summary>
public sealed class DmTakeAndEditTests : BrowserTestBase
{
    private static readonly string[] Thorin = ["thorin"];

    [Test]
    public async Task DmTake_SecondActionFirst_OpensItAndTheFirstStaysWaiting()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        var vex = await OpenAsync("vex");
        var longOne = "I search every shelf of the library " + Guid.NewGuid().ToString("N")[..6];
        var quick = "Quick: is the door locked? " + Guid.NewGuid().ToString("N")[..6];
        await SubmitAsync("thorin", longOne);
        await SayAsync(vex, quick);
        var quickId = (await Dm.GetAsync("/api/dm/actions?status=pending"))!["actions"]!.AsArray().Single(a => (string?)a!["text"] == quick)!["id"]!.GetValue<string>();
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(quick);

        await ShotAsync(dm, "dm-queue-take-1280x800.png");
        await dm.GetByTestId($"take-{quickId}").ClickAsync();

        await Expect(dm.GetByTestId("dm-current-text")).ToHaveTextAsync(quick);
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(longOne);
        await Expect(dm.GetByTestId("dm-pending")).Not.ToContainTextAsync(quick);
        await Expect(MyAction(vex, quick).GetByTestId("action-status")).ToHaveTextAsync("The DM is considering it");
        await dm.GetByTestId("dm-narrative").FillAsync("It is not locked.");
        await dm.GetByTestId("dm-resolve").ClickAsync();
        await Expect(MyAction(vex, quick).GetByTestId("action-status")).ToHaveTextAsync("Done");
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(longOne);
    }

    [Test]
    public async Task DmEdit_NarrationAndWhisper_PlayerSeesTheChangeLiveAfterReloadAndOnANewDevice()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        var thorin = await OpenAsync("thorin");
        var typo = "The brige groans under you " + Guid.NewGuid().ToString("N")[..6];
        var fixedText = "The bridge groans under you " + Guid.NewGuid().ToString("N")[..6];
        var wrong = "Psst, the key is under the mat " + Guid.NewGuid().ToString("N")[..6];
        await dm.GetByTestId("dm-quick-text").FillAsync(typo);
        await dm.GetByTestId("dm-quick-send").ClickAsync();
        await Expect(Feed(thorin)).ToContainTextAsync(typo);
        await Dm.PostAsync("/api/dm/whisper", new { to = Thorin, text = wrong });
        await Expect(Feed(thorin)).ToContainTextAsync(wrong);

        var told = Feed(dm).Locator("[data-seq]").Filter(new LocatorFilterOptions { HasText = typo });
        await told.GetByTestId("msg-edit").ClickAsync();
        await told.GetByTestId("msg-edit-text").FillAsync(fixedText);
        await told.GetByTestId("msg-edit-save").ClickAsync();
        var whisper = Feed(dm).Locator("[data-seq]").Filter(new LocatorFilterOptions { HasText = wrong });
        await whisper.GetByTestId("msg-retract").ClickAsync();
        await whisper.GetByTestId("msg-retract-confirm").ClickAsync();

        await ExpectChangedAsync(thorin, typo, fixedText, wrong, "live");
        await ShotAsync(thorin, "player-edited-375x812.png");

        await Expect(Feed(dm).Locator("[data-seq]").Filter(new LocatorFilterOptions { HasText = fixedText }).GetByTestId("edited-mark")).ToBeVisibleAsync();
        await thorin.ReloadAsync();
        await Expect(thorin.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        await ExpectChangedAsync(thorin, typo, fixedText, wrong, "after a reload");
        var otherDevice = await OpenAsync("thorin");
        await ExpectChangedAsync(otherDevice, typo, fixedText, wrong, "on a new device");
    }

    [Test]
    public async Task DmUndo_QuickNarration_RetractsForThePlayerAndGivesTheTextBack()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        var elara = await OpenAsync("elara");
        var oops = "The dragon wakes (too soon) " + Guid.NewGuid().ToString("N")[..6];
        await dm.GetByTestId("dm-quick-text").FillAsync(oops);
        await dm.GetByTestId("dm-quick-send").ClickAsync();
        await Expect(Feed(elara)).ToContainTextAsync(oops);

        await dm.GetByTestId("dm-undo-btn").ClickAsync();

        await Expect(Feed(elara)).Not.ToContainTextAsync(oops);
        await Expect(Feed(elara).GetByTestId("msg-retracted")).ToHaveCountAsync(1);
        await Expect(dm.GetByTestId("dm-quick-text")).ToHaveValueAsync(oops);
        await Expect(dm.GetByTestId("dm-undo")).ToBeHiddenAsync();
    }

    [Test]
    public async Task DmSeats_SecondTabAndTv_CountsUpdateLiveWithoutPolling()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-seats").ClickAsync();
        await OpenAsync("gorm");
        await Expect(dm.GetByTestId("seat-state-gorm")).ToHaveTextAsync("Online");

        // Well inside the old 15 s poll: only a pushed count can make these in time.
        var fast = new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 };
        var second = await OpenAsync("gorm");
        await Expect(dm.GetByTestId("seat-state-gorm")).ToHaveTextAsync("Online (2)", fast);
        var tv = await OpenAsync("observer", 1920, 1080);
        await Expect(dm.GetByTestId("seat-state-observer")).ToHaveTextAsync("Online", fast);
        await second.Context.CloseAsync();
        await Expect(dm.GetByTestId("seat-state-gorm")).ToHaveTextAsync("Online", fast);
        await tv.Context.CloseAsync();
        await Expect(dm.GetByTestId("seat-state-observer")).ToContainTextAsync("Offline", new LocatorAssertionsToContainTextOptions { Timeout = 5_000 });
    }

    [Test]
    public async Task DmViewAs_PlayerInCombatLongStory_ShowsCombatSheetAndPagesTheStory()
    {
        await Dm.PostAsync("/api/dm/combat/start", new
        {
            combatants = new object[]
            {
                new { id = "thorin", kind = "pc", initiative = 20 },
                new { id = "lurker", kind = "npc", name = "Lurker In The Dark", initiative = 15, hp = 9, max_hp = 9, ac = 12, hidden = true },
                new { id = "elara", kind = "pc", initiative = 10 },
            },
        });
        for (var i = 0; i < 130; i++)
        {
            await Dm.PostAsync("/api/dm/narrate", new { narrative = $"[LINE-{i:000}] the night goes on" });
        }

        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-viewas").ClickAsync();
        await dm.GetByTestId("viewas-seat").SelectOptionAsync("thorin");
        await dm.GetByTestId("viewas-show").ClickAsync();

        var story = dm.GetByTestId("viewas-feed");
        await Expect(story).ToContainTextAsync("[LINE-129]");
        Assert.That(await story.Locator("[data-seq]").CountAsync(), Is.LessThanOrEqualTo(100), "the newest page only, not the whole evening");
        await Expect(story).Not.ToContainTextAsync("[LINE-000]");
        await story.GetByTestId("load-earlier").ClickAsync();
        await Expect(story).ToContainTextAsync("[LINE-020]");
        var combat = dm.GetByTestId("viewas-combat");
        await Expect(combat.GetByTestId("viewas-initiative")).ToContainTextAsync("Elara");
        await Expect(combat).Not.ToContainTextAsync("Lurker");
        await Expect(dm.GetByTestId("viewas-sheet")).ToContainTextAsync("Abilities");
        Assert.That(await dm.Locator("#initiative-list").CountAsync(), Is.LessThanOrEqualTo(1), "view as keeps ids of its own");
    }

    private static async Task ExpectChangedAsync(IPage page, string typo, string fixedText, string wrong, string when)
    {
        await Expect(Feed(page)).ToContainTextAsync(fixedText);
        await Expect(Feed(page)).Not.ToContainTextAsync(typo);
        await Expect(Feed(page)).Not.ToContainTextAsync(wrong);
        await Expect(Feed(page).Locator("[data-seq]").Filter(new LocatorFilterOptions { HasText = fixedText }).GetByTestId("edited-mark")).ToBeVisibleAsync();
        await Expect(Feed(page).GetByTestId("msg-retracted")).ToHaveCountAsync(1);
        Assert.That(await page.GetByTestId("secrets").InnerTextAsync(), Does.Not.Contain(wrong), when);
    }

    /// <summary>A screenshot next to ScreenshotAndAxeTests' own, to look at.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var dir = Path.Combine(Support.RepoPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name) });
    }

    private async Task SubmitAsync(string seat, string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.TokenFor(seat));
        var response = await http.PostAsJsonAsync("/api/actions", new { text });
        Assert.That((int)response.StatusCode, Is.EqualTo(202), await response.Content.ReadAsStringAsync());
    }
}
