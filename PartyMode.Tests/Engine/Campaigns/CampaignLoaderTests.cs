using PartyMode.Engine.Campaigns;

namespace PartyMode.Tests.Engine.Campaigns;

public sealed class CampaignLoaderTests
{
    [Test]
    public void Demo_Loads_WithTheSeedFixture()
    {
        var demo = CampaignLoader.Demo();
        Assert.That(demo.Characters.Select(c => (c.Id, c.Class)), Is.EqualTo(new[] { ("thorin", "Fighter"), ("elara", "Wizard"), ("vex", "Rogue"), ("gorm", "Cleric") }));
        Assert.That(demo.Characters[0].SecretBackground, Is.Not.Empty);
        Assert.That(demo.Npcs.Single(n => n.Id == "tavern-keeper").Known, Is.True);
        Assert.That(demo.Npcs.Single(n => n.Id == "villain").Known, Is.False);
        Assert.That(demo.Npcs.Single(n => n.Id == "villain").DmNotes, Does.Contain("Biography"));
        Assert.That(demo.Locations.Count(l => !l.Discovered), Is.EqualTo(1));
        Assert.That(demo.Opening.Single(o => o.Type == "roll").Audience, Is.EqualTo("players:elara"));
    }

    [Test]
    public void Demo_EverySheet_HasTheLivingSheetFields()
    {
        var demo = CampaignLoader.Demo();
        Assert.That(demo.Characters.All(c => c.ProficiencyBonus == 2 && c.HitDice is { Total: 3 } && c.DeathSaves is not null && c.Coins is not null && c.Languages.Count > 0 && c.Attacks.Count > 0), Is.True);
        var elara = demo.Characters.Single(c => c.Id == "elara");
        Assert.That(elara.Spells.Select(s => s.Name), Does.Contain("Magic Missile").And.Contain("Misty Step"));
        Assert.That(elara.Spells.Single(s => s.Name == "Shield").Level, Is.EqualTo(1));
        var thorin = demo.Characters.Single(c => c.Id == "thorin");
        Assert.That(thorin.Attacks[0], Has.Property("Name").EqualTo("Battleaxe").And.Property("ToHit").EqualTo(5).And.Property("Damage").EqualTo("1d8+3"));
        Assert.That(thorin.HitDice!.Die, Is.EqualTo("d10"));
    }

    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5},{"id":"b","name":"B","hp":5,"max_hp":5},{"id":"d","name":"D","hp":-1,"max_hp":5}]}""", "campaign.json: $.characters[2].hp: must be 0 or more")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5}]}""", "campaign.json: $.characters[0].max_hp: is required")]
    [TestCase("""{"id":"c","characters":[{"id":"a","name":"A","hp":5,"max_hp":5}]}""", "campaign.json: $.name: is required")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"dm","name":"A","hp":5,"max_hp":5}]}""", "campaign.json: $.characters[0].id: 'dm' is not a valid player id")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5},{"id":"a","name":"B","hp":5,"max_hp":5}]}""", "campaign.json: $.characters[1].id: 'a' is used twice")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"abilities":{"str":40}}]}""", "campaign.json: $.characters[0].abilities.str: must be 30 or less")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"colour":"red"}]}""", "campaign.json: $.characters[0].colour: unknown field")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"spell_slots":{"1":{"used":3,"max":2}}}]}""", "campaign.json: $.characters[0].spell_slots.1.used: must be at most max (2)")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5}],"opening":[{"type":"private","audience":"players:zed","text":"x"}]}""", "campaign.json: $.opening[0].audience: names 'zed'")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"hit_dice":{"die":"d7","total":3}}]}""", "campaign.json: $.characters[0].hit_dice.die: must be one of d6, d8, d10, d12")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"hit_dice":{"die":"d8","total":2,"used":3}}]}""", "campaign.json: $.characters[0].hit_dice.used: must be at most total (2)")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"attacks":[{"name":"Axe","to_hit":5,"damage":"lots"}]}]}""", "campaign.json: $.characters[0].attacks[0].damage: must be a dice expression")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"spells":[{"name":"Light"}]}]}""", "campaign.json: $.characters[0].spells[0].level: is required")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"coins":{"gp":-1}}]}""", "campaign.json: $.characters[0].coins.gp: must be 0 or more")]
    [TestCase("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5,"death_saves":{"failures":4}}]}""", "campaign.json: $.characters[0].death_saves.failures: must be 3 or less")]
    [TestCase("""{"id":"c","name":"C","characters":"none"}""", "campaign.json: $.characters: must be a list")]
    [TestCase("""{"id":"c", "name": }""", "campaign.json: line 1")]
    public void Parse_BadFile_ReportsFilePathAndProblem(string json, string expected)
    {
        Assert.That(() => CampaignLoader.Parse(json, "campaign.json"),
            Throws.TypeOf<CampaignException>().With.Property(nameof(CampaignException.Problems)).Some.StartsWith(expected));
    }

    [Test]
    public void Parse_OpeningDmNoteWithoutAudience_IsForTheDmOnly()
    {
        var campaign = CampaignLoader.Parse("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5}],"opening":[{"type":"dm_note","text":"x"},{"type":"narrative","text":"y"}]}""", "c.json");
        Assert.That(campaign.Opening.Select(o => o.Audience), Is.EqualTo(new[] { "dm", "public" }));
        Assert.That(() => CampaignLoader.Parse("""{"id":"c","name":"C","characters":[{"id":"a","name":"A","hp":5,"max_hp":5}],"opening":[{"type":"private","text":"x"}]}""", "c.json"),
            Throws.TypeOf<CampaignException>().With.Property(nameof(CampaignException.Problems)).Some.Contains("$.opening[0].audience"));
    }

    [Test]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        Assert.That(() => CampaignLoader.Parse("""{"id":"Bad Id","characters":[{"name":"","hp":-2,"max_hp":0}]}""", "x.json"),
            Throws.TypeOf<CampaignException>()
                .With.Property(nameof(CampaignException.Problems)).Count.GreaterThanOrEqualTo(5)
                .And.Property(nameof(CampaignException.Problems)).All.StartsWith("x.json: $"));
    }
}
