using System.Text.Json.Nodes;
using PartyMode.Cli.Campaigns;
using PartyMode.Cli.Hosting;
using PartyMode.Engine.Campaigns;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Campaigns.Dm20;

/// <summary>docs/protocol.md §10.2: dm20 campaigns in both layouts become PartyMode campaigns, with a report.</summary>
public sealed class Dm20ImportTests
{
    [Test]
    public void Load_PublishedExampleFile_MapsCharactersWithSlugIdsAndSourceIds()
    {
        var loaded = CampaignSources.Load(Dm20Files.Data("shadowfen-campaign.json"));
        var c = loaded.Campaign;
        Assert.That(c.Id, Is.EqualTo("shadows-of-shadowfen"));
        Assert.That(c.Characters.Select(x => x.Id), Is.EqualTo(new[] { "elara-moonwhisper", "thrain-stoneheart" }));
        var elara = c.Characters[0];
        Assert.That(elara.SourceId, Is.EqualTo("chr_ela1"));
        Assert.That((elara.Class, elara.Level, elara.Ac, elara.Hp, elara.MaxHp), Is.EqualTo(("Wizard (School of Divination)", 3, 12, 18, 18)));
        Assert.That(elara.Race, Is.EqualTo("High Elf"));
        Assert.That((elara.Abilities.Str, elara.Abilities.Int), Is.EqualTo((8, 16)));
        // Proficient skills and saves become bonuses: ability modifier + proficiency bonus 2.
        Assert.That(elara.Skills["arcana"], Is.EqualTo(5));
        Assert.That(elara.Skills["perception"], Is.EqualTo(3));
        Assert.That(elara.SavingThrows["int"], Is.EqualTo(5));
        Assert.That(elara.SpellSlots["1"].Max, Is.EqualTo(4));
        Assert.That(elara.SpellSlots["1"].Used, Is.EqualTo(1));
        Assert.That(elara.Spells.Select(s => s.Name), Does.Contain("Magic Missile"));
        Assert.That(elara.Inventory, Does.Contain("Spellbook").And.Contain("Quarterstaff (equipped)"));
        Assert.That(elara.Languages, Does.Contain("Draconic"));
        Assert.That(elara.Speed, Is.EqualTo(30));
        Assert.That(elara.HitDice!.Die, Is.EqualTo("d6"));
        Assert.That(elara.Notes, Does.Contain("Lunar Codex"));
    }

    [Test]
    public void Load_PublishedExampleFile_KeepsNpcSecretsForTheDmAndReportsTheRest()
    {
        var loaded = CampaignSources.Load(Dm20Files.Data("shadowfen-campaign.json"));
        var witch = loaded.Campaign.Npcs.Single(n => n.SourceId == "npc_mwt1");
        Assert.That(witch.Id, Is.EqualTo("lysara-the-pale"));
        Assert.That(witch.Description, Does.Contain("gaunt woman"));
        Assert.That(witch.DmNotes, Does.Contain("primary antagonist").And.Contain("priestess of the temple"));
        Assert.That(witch.Description, Does.Not.Contain("antagonist"));
        Assert.That(loaded.Campaign.Locations.Single(l => l.SourceId == "loc_tmp1").DmNotes, Does.Contain("3 levels"));
        // The campaign's quests and session log are not tracked: they are in a DM-only note and in the report.
        Assert.That(loaded.Campaign.Opening.Single().Audience, Is.EqualTo("dm"));
        Assert.That(loaded.Campaign.Opening.Single().Text, Does.Contain("Shadows in the Marsh"));
        Assert.That(loaded.Report!.ToText(), Does.Contain("quests (1)").And.Contain("sessions (1)"));
    }

    [Test]
    public void Load_SplitFolderWithNullCreatedAt_ReadsItLikeTheFileAndTakesDiscoveryState()
    {
        using var temp = new TempFolder();
        var discovery = JsonNode.Parse("""{"version":"1.0","locations":{"temple":{"location_id":"temple","overall_level":0,"feature_discoveries":[]}}}""")!.AsObject();
        var folder = Dm20Files.WriteSplit(temp.Path, discovery: discovery);
        Assert.That(File.ReadAllText(Path.Combine(folder, "campaign.json")), Does.Contain("\"created_at\": null"));

        var loaded = CampaignSources.Load(folder);

        Assert.That(loaded.Campaign.Characters.Select(c => c.SourceId), Is.EqualTo(new[] { "chr_ela1", "chr_thr1" }));
        Assert.That(loaded.Campaign.Locations.Single(l => l.SourceId == "loc_tmp1").Discovered, Is.False, "level 0 in discovery_state.json");
        Assert.That(loaded.Campaign.Locations.Single(l => l.SourceId == "loc_fnw1").Discovered, Is.True, "untracked counts as explored, as in dm20");
        Assert.That(CampaignSources.Load(Path.Combine(folder, "campaign.json")).Campaign.Characters, Has.Count.EqualTo(2), "its campaign.json names the folder");
    }

    [Test]
    public void Load_CurrentModelWithClassesAndMissingOptionalKeys_UsesDm20Defaults()
    {
        using var temp = new TempFolder();
        var v1 = JsonNode.Parse(File.ReadAllText(Dm20Files.Data("v1_character.json")))!.AsObject();
        var multi = new JsonObject
        {
            ["id"] = "Xy7kQ2mN",
            ["name"] = "Bryn Ashfall",
            ["classes"] = JsonNode.Parse("""[{"name":"Fighter","level":5,"hit_dice":"1d10"},{"name":"Wizard","level":3,"hit_dice":"1d6"}]"""),
            ["race"] = JsonNode.Parse("""{"name":"Human"}"""),
            ["skill_proficiencies"] = JsonNode.Parse("""["Sleight of Hand","Athletics"]"""),
            ["abilities"] = JsonNode.Parse("""{"strength":{"score":16},"dexterity":{"score":14}}"""),
            ["inventory"] = JsonNode.Parse("""[{"id":"a1","name":"Rope","quantity":2}]"""),
            ["currency"] = JsonNode.Parse("""{"gp":12,"sp":3}"""),
            ["experience_points"] = 6500,
        };
        var file = Path.Combine(temp.Path, "Mixed.json");
        Dm20Files.Write(file, new JsonObject
        {
            ["id"] = "Ab12Cd34",
            ["name"] = "Mixed",
            ["description"] = "x",
            ["characters"] = new JsonObject { ["Old Gandalf"] = v1, ["Bryn"] = multi },
            ["game_state"] = new JsonObject { ["campaign_name"] = "Mixed" },
            ["created_at"] = null,
        });

        var loaded = CampaignSources.Load(file);

        var bryn = loaded.Campaign.Characters.Single(c => c.Name == "Bryn Ashfall");
        Assert.That((bryn.Class, bryn.Level, bryn.ProficiencyBonus), Is.EqualTo(("Fighter 5 / Wizard 3", 8, 3)));
        Assert.That(bryn.Skills["sleight_of_hand"], Is.EqualTo(5));
        Assert.That(bryn.Skills["athletics"], Is.EqualTo(6));
        Assert.That((bryn.Hp, bryn.MaxHp, bryn.Ac, bryn.Speed), Is.EqualTo((1, 1, 10, 30)), "dm20's defaults for missing keys");
        Assert.That(bryn.Inventory, Is.EqualTo(new[] { "Rope (2)" }));
        Assert.That((bryn.Coins!.Gp, bryn.Coins.Sp), Is.EqualTo((12, 3)));
        var gandalf = loaded.Campaign.Characters.Single(c => c.SourceId == "v1test01");
        Assert.That((gandalf.Id, gandalf.Hp, gandalf.MaxHp, gandalf.Level), Is.EqualTo(("old-gandalf", 22, 28, 5)));
        Assert.That(loaded.Report!.ToText(), Does.Contain("experience_points"));
    }

    [Test]
    public void Load_BadValues_RefusedWithPathNamedErrors()
    {
        using var temp = new TempFolder();
        var campaign = Dm20Files.Shadowfen();
        campaign["characters"]!["elara"]!["hit_points_max"] = "lots";
        campaign["characters"]!["thrain"]!.AsObject().Remove("race");
        var file = Path.Combine(temp.Path, "bad.json");
        Dm20Files.Write(file, campaign);

        var ex = Assert.Throws<CampaignException>(() => CampaignSources.Load(file))!;

        Assert.That(ex.Problems, Does.Contain("bad.json: $.characters.elara.hit_points_max: must be a whole number from 1 to 10000"));
        Assert.That(ex.Problems.Any(p => p.StartsWith("bad.json: $.characters.thrain.race: is required", StringComparison.Ordinal)), Is.True, string.Join("\n", ex.Problems));
    }

    [Test]
    public void Load_FolderWithoutCampaignJson_SaysWhatItTakes()
    {
        using var temp = new TempFolder();
        var ex = Assert.Throws<StartupException>(() => CampaignSources.Load(temp.Path))!;
        Assert.That(ex.Message, Does.Contain("no campaign.json"));
    }
}
