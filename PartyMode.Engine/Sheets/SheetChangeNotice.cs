using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Sheets;

/// <summary><c>change_status</c>: a player's sheet change was asked for, approved or rejected; to its player and the DM.</summary>
/// <param name="Change">A snapshot of the change.</param>
public sealed record SheetChangeNotice(SheetChange Change) : Notice
{
    /// <summary>The owner and (by the visibility rule) the DM.</summary>
    public Audience Audience { get; } = Audience.Players(Change.PlayerId);
}
