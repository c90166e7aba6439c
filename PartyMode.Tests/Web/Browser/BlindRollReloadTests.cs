using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>A blind roll's own card outlives a reload (docs/web-app.md "Dice"): its event never reaches the roller.</summary>
public sealed class BlindRollReloadTests : BrowserTestBase
{
    [Test]
    public async Task BlindRoll_PageReloaded_KeepsItsCardWhereItWas()
    {
        var gorm = await OpenAsync("gorm");
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "The floor creaks." });
        await Expect(Feed(gorm)).ToContainTextAsync("The floor creaks.");
        await gorm.GetByTestId("dice-open").ClickAsync();
        await gorm.GetByTestId("die-d20").ClickAsync();
        await gorm.GetByTestId("dice-vis-blind").CheckAsync();
        await gorm.GetByTestId("dice-roll").ClickAsync();
        await Expect(Feed(gorm).GetByTestId("msg-blind-roll")).ToHaveCountAsync(1);
        await Dm.PostAsync("/api/dm/narrate", new { narrative = "Something stirs below." });
        await Expect(Feed(gorm)).ToContainTextAsync("Something stirs below.");

        await gorm.ReloadAsync();
        await Expect(gorm.GetByTestId("conn")).ToHaveAttributeAsync("data-state", "online");

        var card = Feed(gorm).GetByTestId("msg-blind-roll");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync("You rolled — only the DM sees the result");
        var order = await gorm.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#feed > .msg')].map(m => m.dataset.testid === 'msg-blind-roll' ? 'blind' : m.textContent)");
        var blind = Array.IndexOf(order, "blind");
        Assert.That(blind, Is.GreaterThan(Array.FindIndex(order, t => t.Contains("The floor creaks.", StringComparison.Ordinal))));
        Assert.That(blind, Is.LessThan(Array.FindIndex(order, t => t.Contains("Something stirs below.", StringComparison.Ordinal))));
        await Expect(Feed(gorm).GetByTestId("roll-total")).ToHaveCountAsync(0);
    }
}
