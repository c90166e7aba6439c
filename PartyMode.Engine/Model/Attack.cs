namespace PartyMode.Engine.Model;

/// <summary>An attack on a character's sheet (docs/protocol.md §8.1).</summary>
public sealed class Attack
{
    /// <summary>The attack's name, e.g. <c>Battleaxe</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The attack roll's bonus.</summary>
    public int ToHit { get; set; }

    /// <summary>The damage dice, e.g. <c>1d8+3</c>.</summary>
    public string Damage { get; set; } = "";

    /// <summary>The damage type, e.g. <c>slashing</c>.</summary>
    public string? DamageType { get; set; }
}
