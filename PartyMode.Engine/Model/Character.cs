namespace PartyMode.Engine.Model;

/// <summary>A player character: the full sheet. Its id is the player seat id.</summary>
public sealed class Character
{
    /// <summary>The character id, which is also the player seat id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The character's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The name of the person playing it.</summary>
    public string PlayerName { get; set; } = "";

    /// <summary>Race or ancestry.</summary>
    public string Race { get; set; } = "";

    /// <summary>Class.</summary>
    public string Class { get; set; } = "";

    /// <summary>Level (1 to 20).</summary>
    public int Level { get; set; } = 1;

    /// <summary>Armour class.</summary>
    public int Ac { get; set; } = 10;

    /// <summary>Current hit points.</summary>
    public int Hp { get; set; }

    /// <summary>Maximum hit points.</summary>
    public int MaxHp { get; set; }

    /// <summary>Temporary hit points.</summary>
    public int TempHp { get; set; }

    /// <summary>Conditions such as <c>poisoned</c>.</summary>
    public List<string> Conditions { get; set; } = [];

    /// <summary>The six ability scores.</summary>
    public AbilityScores Abilities { get; set; } = new();

    /// <summary>Skill bonuses by skill name.</summary>
    public Dictionary<string, int> Skills { get; set; } = [];

    /// <summary>Saving throw bonuses by ability (<c>str</c> … <c>cha</c>).</summary>
    public Dictionary<string, int> SavingThrows { get; set; } = [];

    /// <summary>Carried items.</summary>
    public List<string> Inventory { get; set; } = [];

    /// <summary>Spell slots by spell level (<c>"1"</c> … <c>"9"</c>).</summary>
    public Dictionary<string, SpellSlot> SpellSlots { get; set; } = [];

    /// <summary>Class and race features.</summary>
    public List<string> Features { get; set; } = [];

    /// <summary>Visible only to the character's owner and the DM.</summary>
    public string? SecretBackground { get; set; }

    /// <summary>The proficiency bonus (docs/protocol.md §8.1).</summary>
    public int? ProficiencyBonus { get; set; }

    /// <summary>Walking speed in feet.</summary>
    public int? Speed { get; set; }

    /// <summary>The initiative bonus; when absent, initiative uses the DEX modifier.</summary>
    public int? InitiativeBonus { get; set; }

    /// <summary>Passive Wisdom (Perception).</summary>
    public int? PassivePerception { get; set; }

    /// <summary>Hit dice, when the sheet tracks them.</summary>
    public HitDice? HitDice { get; set; }

    /// <summary>Death saving throws, when the sheet tracks them.</summary>
    public DeathSaves? DeathSaves { get; set; }

    /// <summary>Spells known or prepared.</summary>
    public List<Spell> Spells { get; set; } = [];

    /// <summary>Weapon and spell attacks.</summary>
    public List<Attack> Attacks { get; set; } = [];

    /// <summary>The purse, when the sheet tracks it.</summary>
    public Coins? Coins { get; set; }

    /// <summary>Languages spoken.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>The player's own notes.</summary>
    public string? Notes { get; set; }

    /// <summary>The id this character had in the campaign it was imported from (a dm20 id), for writing back; null when none.</summary>
    public string? SourceId { get; set; }

    /// <summary>The campaign file's <c>image</c> (a portrait): a path relative to the file, imported as a handout shown to the owner (docs/protocol.md §9.4).</summary>
    public string? Image { get; set; }
}
