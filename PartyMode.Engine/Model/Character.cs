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
}
