namespace PartyMode.Engine.Visibility;

/// <summary>
/// The one function that decides whether a viewer may see an audience (docs/protocol.md §1.2).
/// Every socket push, HTTP body and replay passes through it.
/// </summary>
public static class VisibilityRules
{
    /// <summary>May <paramref name="viewer"/> see something addressed to <paramref name="audience"/>?</summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="audience">Who it is for.</param>
    /// <returns>True when visible.</returns>
    public static bool CanSee(Viewer viewer, Audience audience) => viewer.Role switch
    {
        Role.Dm => true,
        Role.Player => audience.Kind switch
        {
            AudienceKind.Public or AudienceKind.Party => true,
            AudienceKind.Players => audience.Names(viewer.SeatId),
            _ => false,
        },
        // Observers: public, and what the DM sends to the TV only (docs/protocol.md §9.2).
        _ => audience.Kind is AudienceKind.Public or AudienceKind.Tv,
    };
}
