using System.Net;
using static Microsoft.Playwright.Assertions;
using static PartyMode.Tests.Web.Browser.AxeCheck;

namespace PartyMode.Tests.Web.Browser;

/// <summary>Handouts on phones and the TV (docs/web-app.md "Handouts", docs/protocol.md §9).</summary>
public sealed class HandoutTests : HandoutTestBase
{
    private static readonly string[] Thorin = ["thorin"];

    [Test]
    public async Task PrivateHandout_ShownToOnePlayer_ReachesThatPhoneOnly()
    {
        var thorin = await OpenAsync("thorin");
        var elara = await OpenAsync("elara");
        var tv = await OpenAsync("observer", 1920, 1080);
        var id = await UploadAsync(TestImage.Gif(320, 200, 120, 40, 40), "The signed confession");

        await Dm.PostAsync($"/api/dm/handouts/{id}/show", new { audience = Thorin, text = "Your own hand, your own seal." });

        var viewer = thorin.GetByTestId("handout-viewer");
        await Expect(viewer).ToBeVisibleAsync();
        await Expect(thorin.GetByTestId("handout-title")).ToHaveTextAsync("The signed confession");
        await Expect(thorin.GetByTestId("handout-text")).ToHaveTextAsync("Your own hand, your own seal.");
        await ExpectImageAsync(thorin.GetByTestId("handout-image"), 320);
        await thorin.GetByTestId("handout-close").ClickAsync();
        await Expect(viewer).ToBeHiddenAsync();
        await Expect(Feed(thorin).GetByTestId("msg-handout")).ToContainTextAsync("The signed confession");
        await thorin.GetByTestId("tab-handouts").ClickAsync();
        await Expect(thorin.GetByTestId("handout-item")).ToHaveCountAsync(1);
        await Expect(thorin.GetByTestId("handout-item")).ToContainTextAsync("Your own hand");

        // Something everyone sees after it: once it arrived, the private handout would have too.
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "The candle gutters." });
        foreach (var page in new[] { elara, tv })
        {
            await Expect(Feed(page)).ToContainTextAsync("The candle gutters.");
            await Expect(Feed(page).GetByTestId("msg-handout")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("handout-viewer")).ToHaveCountAsync(0);
        }

        await Expect(tv.GetByTestId("tv-handout")).ToBeHiddenAsync();
        await elara.GetByTestId("tab-handouts").ClickAsync();
        await Expect(elara.GetByTestId("handouts")).ToContainTextAsync("Nothing yet.");
        Assert.That(await ImageStatusAsync("elara", id), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ImageStatusAsync("observer", id), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ImageStatusAsync("thorin", id), Is.EqualTo(HttpStatusCode.OK));
        await ExpectNoTokenInUrlsAsync(thorin, "thorin");
    }

    [Test]
    public async Task PublicHandout_Shown_ReachesEveryPhoneAndFillsTheTvUntilCleared()
    {
        var thorin = await OpenAsync("thorin");
        var vex = await OpenAsync("vex", 812, 375);
        var tv = await OpenAsync("observer", 1920, 1080);
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "Mist rolls over the mill pond." });
        var map = await UploadAsync(TestImage.Png(640, 400), "Map of the old mill", "image/png");

        await Dm.PostAsync($"/api/dm/handouts/{map}/show", new { text = "Drawn in a shaking hand." });

        foreach (var page in new[] { thorin, vex })
        {
            await Expect(page.GetByTestId("handout-viewer")).ToBeVisibleAsync();
            await ExpectImageAsync(page.GetByTestId("handout-image"), 640);
        }

        var slot = tv.GetByTestId("tv-handout");
        await Expect(slot).ToBeVisibleAsync();
        await Expect(tv.GetByTestId("tv-handout-title")).ToHaveTextAsync("Map of the old mill");
        await ExpectImageAsync(tv.GetByTestId("tv-handout-image"), 640);
        var box = await slot.BoundingBoxAsync();
        Assert.That((box!.Width, box.Height), Is.EqualTo((1920f, 1080f)), "the handout fills the TV");
        await ShotAsync(thorin, "handout-phone-375x812.png");
        await ShotAsync(vex, "handout-phone-812x375.png");
        await ShotAsync(tv, "handout-tv-1920x1080.png");
        var problems = new List<string>();
        problems.AddRange(await SeriousViolationsAsync(thorin, "phone viewer"));
        problems.AddRange(await SeriousViolationsAsync(tv, "tv handout"));

        // The TV after a reload: the welcome names what it shows.
        await tv.ReloadAsync();
        await Expect(tv.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        await Expect(tv.GetByTestId("tv-handout")).ToBeVisibleAsync();
        await ExpectImageAsync(tv.GetByTestId("tv-handout-image"), 640);

        await Dm.PostAsync("/api/dm/tv", new { clear = true });
        await Expect(tv.GetByTestId("tv-handout")).ToBeHiddenAsync();
        await Expect(Feed(tv)).ToContainTextAsync("Mist rolls over the mill pond.");

        var portrait = await UploadAsync(TestImage.Gif(300, 400, 90, 90, 120), "The hooded stranger");
        await Dm.PostAsync("/api/dm/tv", new { handout_id = portrait });
        await Expect(tv.GetByTestId("tv-handout-title")).ToHaveTextAsync("The hooded stranger");
        await ExpectImageAsync(tv.GetByTestId("tv-handout-image"), 300);
        await Expect(thorin.GetByTestId("handout-viewer")).ToBeVisibleAsync(); // still the map: the TV-only one did not reach the phone
        await Expect(thorin.GetByTestId("handout-title")).ToHaveTextAsync("Map of the old mill");

        await thorin.GetByTestId("handout-close").ClickAsync();
        await thorin.GetByTestId("tab-handouts").ClickAsync();
        await Expect(thorin.GetByTestId("handout-item")).ToHaveCountAsync(1);
        await ShotAsync(thorin, "handout-tab-375x812.png");
        problems.AddRange(await SeriousViolationsAsync(thorin, "phone handouts tab"));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task Viewer_DoubleTapAndPinch_ZoomAndCloseLeavesTheStory()
    {
        var gorm = await OpenAsync("gorm");
        var id = await UploadAsync(TestImage.Png(800, 500), "Floor plan of the vault", "image/png");
        await Dm.PostAsync($"/api/dm/handouts/{id}/show", new { audience = "party" });
        var stage = gorm.GetByTestId("handout-stage");
        await ExpectImageAsync(gorm.GetByTestId("handout-image"), 800);
        await Expect(stage).ToHaveAttributeAsync("data-zoom", "1.00");

        await stage.DblClickAsync();
        await Expect(stage).Not.ToHaveAttributeAsync("data-zoom", "1.00");
        await stage.DblClickAsync();
        await Expect(stage).ToHaveAttributeAsync("data-zoom", "1.00");

        // Two fingers spreading apart from 40 px to 160 px: four times the size.
        await stage.EvaluateAsync("""
            s => {
              const r = s.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
              const fire = (type, id, x) => s.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: cy, bubbles: true, isPrimary: id === 1 }));
              fire('pointerdown', 1, cx - 20); fire('pointerdown', 2, cx + 20);
              for (let d = 20; d <= 80; d += 10) { fire('pointermove', 1, cx - d); fire('pointermove', 2, cx + d); }
              fire('pointerup', 1, cx - 80); fire('pointerup', 2, cx + 80);
            }
            """);
        await Expect(stage).ToHaveAttributeAsync("data-zoom", "4.00");
        await gorm.GetByTestId("handout-zoom-fit").ClickAsync();
        await Expect(stage).ToHaveAttributeAsync("data-zoom", "1.00");
        await gorm.GetByTestId("handout-zoom-in").ClickAsync();
        await Expect(stage).ToHaveAttributeAsync("data-zoom", "1.50");

        await gorm.Keyboard.PressAsync("Escape");
        await Expect(gorm.GetByTestId("handout-viewer")).ToBeHiddenAsync();
        await Feed(gorm).GetByTestId("handout-open").ClickAsync();
        await Expect(gorm.GetByTestId("handout-viewer")).ToBeVisibleAsync();
        await Expect(stage).ToHaveAttributeAsync("data-zoom", "1.00");
    }

    [Test]
    public async Task NpcReveal_WithACampaignPortrait_OpensItOnThePartysPhonesNotTheTv()
    {
        var elara = await OpenAsync("elara");
        var tv = await OpenAsync("observer", 1920, 1080);
        await Dm.PostAsync("/api/dm/npcs/villain/reveal");

        await Expect(elara.GetByTestId("handout-viewer")).ToBeVisibleAsync();
        await Expect(elara.GetByTestId("handout-title")).ToHaveTextAsync("The Grey Chancellor");
        await ExpectImageAsync(elara.GetByTestId("handout-image"), null);
        await elara.GetByTestId("handout-close").ClickAsync();
        await Expect(Feed(elara).GetByTestId("msg-handout")).ToContainTextAsync("The Grey Chancellor");

        // A phone joining later finds it in the story and the tab; history opens nothing by itself.
        var gorm = await OpenAsync("gorm");
        await Expect(Feed(gorm).GetByTestId("msg-handout")).ToContainTextAsync("The Grey Chancellor");
        await Expect(gorm.GetByTestId("handout-viewer")).ToHaveCountAsync(0);
        await Feed(gorm).GetByTestId("handout-open").ClickAsync();
        await Expect(gorm.GetByTestId("handout-title")).ToHaveTextAsync("The Grey Chancellor");

        // After a reload the Handouts tab still has it and nothing opens by itself.
        await elara.ReloadAsync();
        await Expect(elara.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");
        await elara.GetByTestId("tab-handouts").ClickAsync();
        await Expect(elara.GetByTestId("handout-item").Filter(new() { HasText = "The Grey Chancellor" })).ToHaveCountAsync(1);
        await Expect(elara.GetByTestId("handout-viewer")).ToHaveCountAsync(0);
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "Thunder over the ford." });
        await Expect(Feed(tv)).ToContainTextAsync("Thunder over the ford.");
        await Expect(Feed(tv).GetByTestId("msg-handout")).ToHaveCountAsync(0);
        await Expect(tv.GetByTestId("tv-handout")).ToBeHiddenAsync();
    }
}
