namespace PartyMode.Engine.Visibility;

/// <summary>The three kinds of seat at the table.</summary>
public enum Role
{
    /// <summary>The game master: sees everything.</summary>
    Dm,

    /// <summary>A player seat, one per character.</summary>
    Player,

    /// <summary>The shared read-only seat for a TV or an audience.</summary>
    Observer,
}
