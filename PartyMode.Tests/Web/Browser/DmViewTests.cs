using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

public sealed class DmViewTests : BrowserTestBase
{
    private static readonly string[] Elara = ["elara"];
    private static readonly string[] Gorm = ["gorm"];

    [Test]
    public async Task DmView_PopTypeResolve_PlayerSeesNarrative()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        var vex = await OpenAsync("vex");
        var said = "I pick the lock of the cellar door " + Guid.NewGuid().ToString("N")[..6];
        var narrative = "The lock yields with a soft click " + Guid.NewGuid().ToString("N")[..6];

        await SayAsync(vex, said);
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(said);
        await dm.GetByTestId("dm-take-next").ClickAsync();
        await Expect(dm.GetByTestId("dm-current-text")).ToHaveTextAsync(said);
        await Expect(MyAction(vex, said).GetByTestId("action-status")).ToHaveTextAsync("The DM is considering it");
        await dm.GetByTestId("dm-narrative").FillAsync(narrative);
        await dm.GetByTestId("dm-resolve").ClickAsync();

        await Expect(Feed(vex)).ToContainTextAsync(narrative);
        await Expect(MyAction(vex, said).GetByTestId("action-status")).ToHaveTextAsync("Done");
        await Expect(dm.GetByTestId("dm-editor")).ToBeHiddenAsync();
        await Expect(Feed(dm)).ToContainTextAsync(narrative);
    }

    [Test]
    public async Task DmView_ViewAsSeat_ShowsThatSeatsWhispersOnly()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        var forElara = "Elara hears her sister's voice " + Guid.NewGuid().ToString("N")[..6];
        var forGorm = "Gorm smells brimstone " + Guid.NewGuid().ToString("N")[..6];
        await Dm.PostAsync("/api/dm/whisper", new { to = Elara, text = forElara });
        await Dm.PostAsync("/api/dm/whisper", new { to = Gorm, text = forGorm });

        await dm.GetByTestId("tab-viewas").ClickAsync();
        await dm.GetByTestId("viewas-seat").SelectOptionAsync("elara");
        await dm.GetByTestId("viewas-show").ClickAsync();

        await Expect(dm.GetByTestId("viewas-feed")).ToContainTextAsync(forElara);
        await Expect(dm.GetByTestId("viewas-feed")).Not.ToContainTextAsync(forGorm);
    }

    [Test]
    public async Task DmView_SeatsTab_ShowsJoinQrAndLiveConnectionState()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        await dm.GetByTestId("tab-seats").ClickAsync();
        await Expect(dm.GetByTestId("seat-state-gorm")).ToContainTextAsync("Offline");

        await OpenAsync("gorm");
        await Expect(dm.GetByTestId("seat-state-gorm")).ToContainTextAsync("Online");

        await dm.GetByTestId("qr-btn-gorm").ClickAsync();
        var img = dm.GetByTestId("qr-gorm");
        await Expect(img).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        var width = await img.EvaluateAsync<int>("async i => { await i.decode(); return i.naturalWidth; }");
        Assert.That(width, Is.GreaterThan(20));
    }

    [Test]
    public async Task DmView_RemoveThenNewLink_RevokesAndRestoresTheSeat()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        dm.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var vex = await OpenAsync("vex");
        await dm.GetByTestId("tab-seats").ClickAsync();

        await dm.GetByTestId("kick-vex").ClickAsync();

        await Expect(vex.GetByTestId("fatal")).ToContainTextAsync("The DM removed you");
        await Expect(dm.GetByTestId("seat-state-vex")).ToHaveTextAsync("Removed");

        await dm.GetByTestId("refresh-vex").ClickAsync();

        await Expect(dm.GetByTestId("seat-state-vex")).Not.ToHaveTextAsync("Removed");
        var again = await OpenAsync("vex");
        await Expect(again.GetByTestId("char-name")).ToHaveTextAsync("Vex");
    }

    [Test]
    public async Task DmView_PutBack_ReturnsTheActionToTheQueue()
    {
        var dm = await OpenAsync("dm", 1280, 800);
        var elara = await OpenAsync("elara");
        var said = "I read the runes on the lintel " + Guid.NewGuid().ToString("N")[..6];
        await SayAsync(elara, said);
        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(said);
        await dm.GetByTestId("dm-take-next").ClickAsync();
        await Expect(MyAction(elara, said).GetByTestId("action-status")).ToHaveTextAsync("The DM is considering it");

        await dm.GetByTestId("dm-requeue").ClickAsync();

        await Expect(dm.GetByTestId("dm-pending")).ToContainTextAsync(said);
        await Expect(dm.GetByTestId("dm-editor")).ToBeHiddenAsync();
        await Expect(MyAction(elara, said).GetByTestId("action-status")).ToHaveTextAsync("Queued");
    }
}
