using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static PartyMode.Tests.Web.Browser.AxeCheck;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The DM's Handouts tab (docs/web-app.md "Handouts"): upload, audiences, the TV, refusals.</summary>
public sealed class HandoutDmTests : HandoutTestBase
{
    [Test]
    public async Task DmView_UploadFromTheUi_ShowsToChosenPlayersAndPutsItOnTheTv()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        var elara = await OpenAsync("elara");
        var gorm = await OpenAsync("gorm");
        var tv = await OpenAsync("observer", 1920, 1080);
        await dm.GetByTestId("tab-handouts").ClickAsync();
        var panel = dm.GetByTestId("dm-handouts");
        await Expect(panel).ToBeVisibleAsync();

        await dm.GetByTestId("dm-ho-file").SetInputFilesAsync(new FilePayload { Name = "letter-from-the-abbess.png", MimeType = "image/png", Buffer = TestImage.Png(400, 300, 230, 220, 190) });
        await Expect(dm.GetByTestId("dm-ho-preview")).ToHaveAttributeAsync("src", new Regex("^blob:"));
        await Expect(dm.GetByTestId("dm-ho-title")).ToHaveValueAsync("letter from the abbess");
        await dm.GetByTestId("dm-ho-title").FillAsync("A letter from the abbess");
        await dm.GetByTestId("dm-ho-aud-some").CheckAsync();
        await dm.GetByTestId("dm-ho-players").GetByText("Elara").ClickAsync();
        await dm.GetByTestId("dm-ho-text").FillAsync("It smells of lavender.");
        await dm.GetByTestId("dm-ho-show").ClickAsync();

        await Expect(elara.GetByTestId("handout-viewer")).ToBeVisibleAsync();
        await Expect(elara.GetByTestId("handout-title")).ToHaveTextAsync("A letter from the abbess");
        await Expect(elara.GetByTestId("handout-text")).ToHaveTextAsync("It smells of lavender.");
        await ExpectImageAsync(elara.GetByTestId("handout-image"), 400);
        var row = dm.GetByTestId("dm-ho-list").Locator("li").Filter(new() { HasText = "A letter from the abbess" });
        await Expect(row).ToContainTextAsync("400×300");
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "Bells ring in the valley." });
        await Expect(Feed(gorm)).ToContainTextAsync("Bells ring in the valley.");
        await Expect(Feed(gorm).GetByTestId("msg-handout")).ToHaveCountAsync(0);
        await Expect(tv.GetByTestId("tv-handout")).ToBeHiddenAsync();

        // Drag and drop the next one, for the TV only.
        var dropped = Convert.ToBase64String(TestImage.Gif(500, 280, 60, 120, 70));
        await dm.EvaluateAsync("""
            b64 => {
              const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
              const dt = new DataTransfer();
              dt.items.add(new File([bytes], 'forest.gif', { type: 'image/gif' }));
              const zone = document.querySelector('[data-testid=dm-ho-drop]');
              zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
              zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
            }
            """, dropped);
        await Expect(dm.GetByTestId("dm-ho-title")).ToHaveValueAsync("forest");
        await dm.GetByTestId("dm-ho-title").FillAsync("The Whispering Wood");
        await dm.GetByTestId("dm-ho-aud-tv").CheckAsync();
        await dm.GetByTestId("dm-ho-show").ClickAsync();
        await Expect(tv.GetByTestId("tv-handout-title")).ToHaveTextAsync("The Whispering Wood");
        await ExpectImageAsync(tv.GetByTestId("tv-handout-image"), 500);
        await Expect(dm.GetByTestId("dm-ho-tv")).ToContainTextAsync("The Whispering Wood");

        // "Show on TV" for the letter, then "Clear TV".
        var letter = dm.GetByTestId("dm-ho-list").Locator("li").Filter(new() { HasText = "A letter from the abbess" });
        await letter.GetByRole(AriaRole.Button, new() { Name = "Show on TV" }).ClickAsync();
        await Expect(tv.GetByTestId("tv-handout-title")).ToHaveTextAsync("A letter from the abbess");
        await ShotAsync(dm, "handout-dm-1280x800.png");
        var problems = (await SeriousViolationsAsync(dm, "dm handouts")).ToList();
        await dm.GetByTestId("dm-ho-clear-tv").ClickAsync();
        await Expect(tv.GetByTestId("tv-handout")).ToBeHiddenAsync();

        // "Show again" to the party: Gorm gets the letter now.
        await dm.GetByTestId("dm-ho-aud-party").CheckAsync();
        await dm.GetByTestId("dm-ho-text").FillAsync("");
        await letter.GetByRole(AriaRole.Button, new() { Name = "Show again" }).ClickAsync();
        await Expect(gorm.GetByTestId("handout-viewer")).ToBeVisibleAsync();
        await Expect(gorm.GetByTestId("handout-title")).ToHaveTextAsync("A letter from the abbess");
        await Expect(tv.GetByTestId("tv-handout")).ToBeHiddenAsync();

        var dmPhone = await OpenAsync("dm", 375, 812);
        await dmPhone.GetByTestId("tab-handouts").ClickAsync();
        await Expect(dmPhone.GetByTestId("dm-ho-list").Locator("li").Filter(new() { HasText = "A letter from the abbess" })).ToHaveCountAsync(1);
        await Expect(dmPhone.GetByTestId("dm-ho-list").Locator("li").Filter(new() { HasText = "The Whispering Wood" })).ToHaveCountAsync(1);
        await Expect(dmPhone.GetByTestId("dm-ho-list")).ToContainTextAsync("portrait from the campaign");
        await ShotAsync(dmPhone, "handout-dm-375x812.png");
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task DmView_NotAnImage_IsRefusedWithAReason()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-handouts").ClickAsync();
        await dm.GetByTestId("dm-ho-file").SetInputFilesAsync(new FilePayload { Name = "map.svg", MimeType = "image/svg+xml", Buffer = "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray() });
        await Expect(dm.Locator("#toast")).ToContainTextAsync("Only PNG, JPEG, WebP or GIF");
        await Expect(dm.GetByTestId("dm-ho-preview")).ToBeHiddenAsync();

        // A page disguised as a PNG gets the server's word.
        await dm.GetByTestId("dm-ho-file").SetInputFilesAsync(new FilePayload { Name = "map.png", MimeType = "image/png", Buffer = "<html><script>alert(1)</script></html>"u8.ToArray() });
        await dm.GetByTestId("dm-ho-show").ClickAsync();
        await Expect(dm.Locator("#toast")).ToContainTextAsync("The body is not a PNG, JPEG, WebP or GIF image");
        await Expect(dm.Locator("#toast")).ToHaveAttributeAsync("data-kind", "error");
        var list = await Dm.GetAsync("/api/handouts");
        Assert.That(list!["handouts"]!.AsArray().Select(h => (string?)h!["subject"]), Has.All.Not.Null, "only the campaign's own images");
    }
}
