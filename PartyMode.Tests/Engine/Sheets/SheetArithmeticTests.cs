using System.Text.Json.Nodes;
using PartyMode.Engine;
using PartyMode.Engine.Model;
using PartyMode.Engine.Sheets;

namespace PartyMode.Tests.Engine.Sheets;

/// <summary>The 5e arithmetic of sheet ops (docs/protocol.md §8.2), as a table of cases on a working copy.</summary>
public sealed class SheetArithmeticTests
{
    /// <summary>(op, hp, temp, expected hp, expected temp, summary).</summary>
    private static readonly object[] HpCases =
    [
        new object[] { Op("damage", 7), 31, 0, 24, 0, "Thorin took 7 damage (31 → 24)" },
        new object[] { Op("damage", 7), 31, 5, 29, 0, "Thorin took 7 damage (5 absorbed by temporary HP; 31 → 29)" },
        new object[] { Op("damage", 4), 31, 5, 31, 1, "Thorin took 4 damage (4 absorbed by temporary HP; 31 → 31)" },
        new object[] { Op("damage", 50), 10, 0, 0, 0, "Thorin took 50 damage (10 → 0)" },
        new object[] { Op("damage", 0), 10, 0, 10, 0, "Thorin took 0 damage (10 → 10)" },
        new object[] { Op("heal", 5), 20, 0, 25, 0, "Thorin regained 5 HP (20 → 25)" },
        new object[] { Op("heal", 50), 20, 3, 31, 3, "Thorin regained 11 HP (20 → 31)" },
        new object[] { Op("heal", 5), 31, 0, 31, 0, "Thorin regained 0 HP (31 → 31)" },
        new object[] { new SheetOp { Op = "temp_hp", Value = JsonValue.Create(8) }, 31, 3, 31, 8, "Thorin's temporary HP set to 8 (was 3)" },
        new object[] { new SheetOp { Op = "temp_hp", Value = JsonValue.Create(0) }, 31, 3, 31, 0, "Thorin's temporary HP set to 0 (was 3)" },
    ];

    [TestCaseSource(nameof(HpCases))]
    public void HpOp_Case_StaysWithinZeroAndMaxWithTempFirst(SheetOp op, int hp, int temp, int expectedHp, int expectedTemp, string summary)
    {
        var sheet = Thorin(hp, temp);
        var (after, text) = SheetArithmetic.Apply(sheet, op);
        Assert.That((after.Hp, after.TempHp, text), Is.EqualTo((expectedHp, expectedTemp, summary)));
    }

    [TestCase("spend_slot", 1, 0, 1, "Elara spent a level 1 spell slot (3 of 4 left)")]
    [TestCase("spend_slot", 1, 3, 4, "Elara spent a level 1 spell slot (0 of 4 left)")]
    [TestCase("recover_slot", 1, 4, 3, "Elara recovered a level 1 spell slot (1 of 4 left)")]
    [TestCase("recover_slot", 2, 1, 0, "Elara recovered a level 2 spell slot (2 of 2 left)")]
    public void SlotOp_WithinRange_CountsUsedSlots(string name, int level, int used, int expectedUsed, string summary)
    {
        var sheet = Elara();
        sheet.SpellSlots[level.ToString(System.Globalization.CultureInfo.InvariantCulture)].Used = used;
        var (after, text) = SheetArithmetic.Apply(sheet, new SheetOp { Op = name, Level = level });
        Assert.That((after.SpellSlots[level.ToString(System.Globalization.CultureInfo.InvariantCulture)].Used, text), Is.EqualTo((expectedUsed, summary)));
    }

    [TestCase("spend_slot", 1, 4, "no level 1 spell slot left (4 of 4 used)")]
    [TestCase("recover_slot", 2, 0, "None of Elara's level 2 spell slots is spent")]
    [TestCase("spend_slot", 3, 0, "no level 3 spell slots (levels: 1, 2)")]
    public void SlotOp_OutOfRange_IsBadChangeNamingTheProblem(string name, int level, int used, string message)
    {
        var sheet = Elara();
        sheet.SpellSlots["1"].Used = Math.Min(used, 4);
        var e = Assert.Throws<GameException>(() => SheetArithmetic.Apply(sheet, new SheetOp { Op = name, Level = level }));
        Assert.That((e!.Code, e.Message), Is.EqualTo(("bad_change", e.Message)));
        Assert.That(e.Message, Does.Contain(message));
    }

    [Test]
    public void SpendHitDie_UntilNoneLeft_CountsThenRefuses()
    {
        var sheet = Thorin(31, 0);
        Assert.That(SheetArithmetic.Apply(sheet, new SheetOp { Op = "spend_hit_die" }).Summary, Is.EqualTo("Thorin spent a hit die (d10; 2 of 3 left)"));
        SheetArithmetic.Apply(sheet, new SheetOp { Op = "spend_hit_die" });
        SheetArithmetic.Apply(sheet, new SheetOp { Op = "spend_hit_die" });
        Assert.That(sheet.HitDice!.Used, Is.EqualTo(3));
        Assert.That(() => SheetArithmetic.Apply(sheet, new SheetOp { Op = "spend_hit_die" }), Throws.TypeOf<GameException>().With.Message.Contains("no hit dice left"));
        sheet.HitDice = null;
        Assert.That(() => SheetArithmetic.Apply(sheet, new SheetOp { Op = "spend_hit_die" }), Throws.TypeOf<GameException>().With.Message.Contains("has no hit dice"));
    }

    [Test]
    public void DeathSaves_AtZeroHp_CountToThreeAndDamageAtZeroIsAFailure()
    {
        var sheet = Thorin(0, 0);
        Assert.That(SheetArithmetic.Apply(sheet, new SheetOp { Op = "death_save", Success = true }).Summary, Is.EqualTo("Thorin succeeded on a death save (1 of 3)"));
        Assert.That(SheetArithmetic.Apply(sheet, Op("damage", 3)).Summary, Is.EqualTo("Thorin took 3 damage (0 → 0); a death save failure (1 of 3)"));
        SheetArithmetic.Apply(sheet, new SheetOp { Op = "death_save", Success = false });
        Assert.That(SheetArithmetic.Apply(sheet, new SheetOp { Op = "death_save", Success = false }).Summary, Is.EqualTo("Thorin failed a death save (3 of 3): dead"));
        Assert.That(() => SheetArithmetic.Apply(sheet, new SheetOp { Op = "death_save", Success = true }), Throws.TypeOf<GameException>().With.Message.Contains("are over"));

        var healed = Thorin(0, 0);
        healed.DeathSaves = new DeathSaves { Successes = 2, Failures = 1 };
        SheetArithmetic.Apply(healed, Op("heal", 4));
        Assert.That((healed.Hp, healed.DeathSaves.Successes, healed.DeathSaves.Failures), Is.EqualTo((4, 0, 0)), "regaining HP at 0 resets the saves");
        Assert.That(() => SheetArithmetic.Apply(healed, new SheetOp { Op = "death_save", Success = true }), Throws.TypeOf<GameException>().With.Message.Contains("rolled at 0 HP"));
    }

    [TestCase("inventory", "[\"Battleaxe\",\"Rope\",\"Rope\"]", "Thorin's inventory: + Rope, + Rope, − Chain mail")]
    [TestCase("coins", "{\"cp\":12,\"sp\":8,\"ep\":0,\"gp\":20,\"pp\":0}", "Thorin's coins: gp 15 → 20")]
    [TestCase("conditions", "[\"poisoned\"]", "Thorin's conditions: + poisoned")]
    [TestCase("level", "4", "Thorin's level set to 4 (was 3)")]
    [TestCase("notes", "\"Owes Marta 5 gp.\"", "Thorin's notes: “Owes Marta 5 gp.”")]
    [TestCase("dm_notes", "\"Secretly cursed.\"", "Thorin's DM notes: “Secretly cursed.”")]
    public void Set_Field_ReplacesItAndSaysWhatChanged(string field, string json, string summary)
    {
        var sheet = Thorin(31, 0);
        sheet.Inventory = ["Battleaxe", "Chain mail"];
        sheet.Coins = new Coins { Cp = 12, Sp = 8, Gp = 15 };
        var (after, text) = SheetArithmetic.Apply(sheet, new SheetOp { Op = "set", Field = field, Value = JsonNode.Parse(json) });
        Assert.That(text, Is.EqualTo(summary));
        Assert.That(System.Text.Json.JsonSerializer.SerializeToNode(after, EngineJson.Options)![field]!.ToJsonString(), Is.EqualTo(JsonNode.Parse(json)!.ToJsonString()));
    }

    [TestCase("hp", "99", "at most max_hp")]
    [TestCase("level", "0", "level")]
    [TestCase("mana", "3", "not a sheet field")]
    [TestCase("id", "\"bob\"", "not a sheet field")]
    public void Set_BadValue_IsBadChangeNamingThePath(string field, string json, string message)
    {
        var e = Assert.Throws<GameException>(() => SheetArithmetic.Apply(Thorin(31, 0), new SheetOp { Op = "set", Field = field, Value = JsonNode.Parse(json) }));
        Assert.That((e!.Code, e.Message.Contains(message, StringComparison.Ordinal)), Is.EqualTo(("bad_change", true)), e.Message);
    }

    private static SheetOp Op(string name, int amount) => new() { Op = name, Amount = amount };

    private static Character Thorin(int hp, int temp) => new()
    {
        Id = "thorin", Name = "Thorin", Level = 3, Hp = hp, MaxHp = 31, TempHp = temp,
        HitDice = new HitDice { Die = "d10", Total = 3 }, DeathSaves = new DeathSaves(),
    };

    private static Character Elara() => new()
    {
        Id = "elara", Name = "Elara", Hp = 17, MaxHp = 17,
        SpellSlots = new Dictionary<string, SpellSlot> { ["1"] = new() { Max = 4 }, ["2"] = new() { Max = 2 } },
    };
}
