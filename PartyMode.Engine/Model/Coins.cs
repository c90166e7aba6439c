namespace PartyMode.Engine.Model;

/// <summary>A character's purse (docs/protocol.md §8.1).</summary>
public sealed class Coins
{
    /// <summary>Copper pieces.</summary>
    public int Cp { get; set; }

    /// <summary>Silver pieces.</summary>
    public int Sp { get; set; }

    /// <summary>Electrum pieces.</summary>
    public int Ep { get; set; }

    /// <summary>Gold pieces.</summary>
    public int Gp { get; set; }

    /// <summary>Platinum pieces.</summary>
    public int Pp { get; set; }
}
