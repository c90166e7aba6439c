using System.Text.Json.Nodes;
using static Microsoft.Playwright.Assertions;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The phone's dice (docs/web-app.md "Dice"): tap-to-roll from the sheet, roll requests answered with real dice, blind rolls.</summary>
public sealed class DiceTests : BrowserTestBase
{
    [Test]
    public async Task SheetSkill_Tapped_RollsFromTheSheetAndEveryoneSeesTheCard()
    {
        var vex = await OpenAsync("vex");
        var thorin = await OpenAsync("thorin");
        await vex.GetByTestId("open-sheet").ClickAsync();
        await vex.GetByTestId("roll-skill:stealth").ClickAsync();
        await Expect(vex.GetByTestId("dice-sheet")).ToBeVisibleAsync();
        await Expect(vex.GetByTestId("dice-expr")).ToContainTextAsync("skill:stealth");
        await Expect(vex.GetByTestId("dice-vis-hint")).ToContainTextAsync("Everyone sees");
        await vex.GetByTestId("dice-roll").ClickAsync();

        var card = Feed(vex).GetByTestId("msg-roll").Filter(new() { HasText = "Stealth" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("You rolled");
        await Expect(card).ToContainTextAsync("1d20+7");
        await Expect(card.GetByTestId("roll-audience")).ToHaveTextAsync("Everyone sees this");
        var other = Feed(thorin).GetByTestId("msg-roll").Filter(new() { HasText = "Stealth" });
        await Expect(other).ToContainTextAsync("Vex rolled");
        var events = await Dm.GetAsync("/api/events?limit=1000");
        var roll = events!["events"]!.AsArray().Last(e => (string?)e!["type"] == "roll")!;
        Assert.That(((string?)roll["expr"], (string?)roll["by"], (string?)roll["resolved"]), Is.EqualTo(("skill:stealth", "vex", "1d20+7")));
        await Expect(card.GetByTestId("roll-total")).ToHaveTextAsync(((int)roll["total"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task RollRequest_AnsweredWithRealDice_CardGoesAndTheDmSeesSuccess()
    {
        var elara = await OpenAsync("elara");
        var created = await Dm.PostAsync("/api/dm/roll-requests", new { player = "elara", expr = "save:wis", dc = 10, visibility = "party", reason = "The idol whispers your name" });
        var id = (string)created!["request"]!["id"]!;
        var card = elara.GetByTestId($"rr-{id}");
        await Expect(card).ToContainTextAsync("The DM asks for a Wisdom saving throw");
        await Expect(card).ToContainTextAsync("The idol whispers your name");
        await Expect(card).Not.ToContainTextAsync("10");

        await elara.GetByTestId($"rr-physical-{id}").FillAsync("9");
        await elara.GetByTestId($"rr-physical-send-{id}").ClickAsync();
        await Expect(card).ToHaveCountAsync(0);
        var rollCard = Feed(elara).GetByTestId("msg-roll").Filter(new() { HasText = "Wisdom saving throw" });
        await Expect(rollCard.GetByTestId("roll-total")).ToHaveTextAsync("12");
        await Expect(rollCard).ToContainTextAsync("real dice");
        await Expect(rollCard.GetByTestId("roll-audience")).ToContainTextAsync("The party sees this");

        var request = await Dm.GetAsync($"/api/dm/roll-requests/{id}");
        Assert.That(((string?)request!["request"]!["status"], (int?)request["request"]!["roll"]!["total"], (bool?)request["request"]!["success"]), Is.EqualTo(("rolled", 12, true)));
    }

    [Test]
    public async Task BlindRoll_FromTheDiceSheet_ShowsOnlyThatItRolled()
    {
        var gorm = await OpenAsync("gorm");
        await gorm.GetByTestId("dice-open").ClickAsync();
        await gorm.GetByTestId("die-d100").ClickAsync();
        await gorm.GetByTestId("dice-vis-blind").CheckAsync();
        await Expect(gorm.GetByTestId("dice-vis-hint")).ToContainTextAsync("Only the DM sees the result");
        await gorm.GetByTestId("dice-roll").ClickAsync();
        await Expect(Feed(gorm).GetByTestId("msg-blind-roll")).ToContainTextAsync("You rolled — only the DM sees the result");
        var events = await Dm.GetAsync("/api/events?limit=1000");
        var roll = events!["events"]!.AsArray().Last(e => (string?)e!["type"] == "roll")!;
        Assert.That(((string?)roll["by"], (string?)roll["visibility"], (string?)roll["expr"]), Is.EqualTo(("gorm", "blind", "1d100")));
        await Expect(Feed(gorm).GetByTestId("roll-total")).ToHaveCountAsync(0);
    }
}
