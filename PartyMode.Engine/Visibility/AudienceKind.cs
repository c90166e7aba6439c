namespace PartyMode.Engine.Visibility;

/// <summary>The audiences of docs/protocol.md §1.2 (and the TV-only audience of §9.2).</summary>
public enum AudienceKind
{
    /// <summary>Everyone, observers included.</summary>
    Public,

    /// <summary>Every player and the DM, never observers.</summary>
    Party,

    /// <summary>The listed players and the DM.</summary>
    Players,

    /// <summary>The DM only.</summary>
    Dm,

    /// <summary>Observer screens (the TV) and the DM, never players (docs/protocol.md §9.2, an extension for handouts).</summary>
    Tv,
}
