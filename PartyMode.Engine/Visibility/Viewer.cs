namespace PartyMode.Engine.Visibility;

/// <summary>Who is looking: a role and the seat id (<c>dm</c>, <c>observer</c> or a player id).</summary>
/// <param name="Role">The seat's role.</param>
/// <param name="SeatId">The seat id.</param>
public sealed record Viewer(Role Role, string SeatId)
{
    /// <summary>The DM seat.</summary>
    public static readonly Viewer Dm = new(Role.Dm, SeatIds.Dm);

    /// <summary>The observer seat.</summary>
    public static readonly Viewer Observer = new(Role.Observer, SeatIds.Observer);

    /// <summary>A player seat.</summary>
    /// <param name="playerId">The character id.</param>
    /// <returns>The viewer.</returns>
    public static Viewer Player(string playerId) => new(Role.Player, playerId);

    /// <summary>The wire name of the role.</summary>
    public string RoleName => Role switch
    {
        Role.Dm => "dm",
        Role.Player => "player",
        _ => "observer",
    };
}
