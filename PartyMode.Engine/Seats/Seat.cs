using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Seats;

/// <summary>A seat at the table and its token state. The token itself is derived, never stored.</summary>
public sealed class Seat
{
    /// <summary>The seat id (<c>dm</c>, <c>observer</c> or a player id).</summary>
    public string Id { get; set; } = "";

    /// <summary>The seat's role.</summary>
    public Role Role { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Bumped by every refresh; the token is derived from it.</summary>
    public int Generation { get; set; }

    /// <summary>Revoked until the next refresh.</summary>
    public bool Kicked { get; set; }

    /// <summary>The viewer this seat is.</summary>
    public Viewer Viewer => new(Role, Id);
}
