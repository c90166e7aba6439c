using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Handouts;

/// <summary><c>tv</c> (docs/protocol.md §9.5): what the observer screen shows full size, to observers and the DM.</summary>
/// <param name="Handout">A copy of the handout on the TV; null when the DM cleared it.</param>
public sealed record TvNotice(Handout? Handout) : Notice
{
    /// <summary>Observer screens and the DM.</summary>
    public Audience Audience { get; } = Audience.Tv;
}
