namespace PartyMode.Engine.Model;

/// <summary>Spell slots of one level.</summary>
public sealed class SpellSlot
{
    /// <summary>Slots spent.</summary>
    public int Used { get; set; }

    /// <summary>Slots available at full rest.</summary>
    public int Max { get; set; }
}
