using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

/// <summary>Something viewers must be told once a change is committed.</summary>
public abstract record Notice;

/// <summary>A stored event: push to every viewer whose audience check passes.</summary>
/// <param name="Event">The event.</param>
public sealed record EventNotice(GameEvent Event) : Notice;

/// <summary><c>action_status</c>: to the acting seat and the DM.</summary>
/// <param name="Action">A snapshot of the action.</param>
public sealed record ActionStatusNotice(GameAction Action) : Notice
{
    /// <summary>The actor and (by the visibility rule) the DM.</summary>
    public Audience Audience { get; } = Audience.Players(Action.PlayerId);
}

/// <summary><c>character_update</c>: the full sheet to its owner and the DM.</summary>
/// <param name="Character">A snapshot of the sheet.</param>
public sealed record CharacterNotice(Character Character) : Notice
{
    /// <summary>The owner and the DM.</summary>
    public Audience Audience { get; } = Audience.Players(Character.Id);
}

/// <summary>
/// <c>party_update</c>: the roster as committed with this change, one list per view; the host adds
/// each line's <c>connected</c> flag from its own connections.
/// </summary>
/// <param name="Full">What players and the DM see.</param>
/// <param name="Limited">What observers see (id and name only).</param>
public sealed record PartyNotice(IReadOnlyList<PartyMember> Full, IReadOnlyList<PartyMember> Limited) : Notice;

/// <summary><c>combat_state</c>: rendered per viewer.</summary>
/// <param name="Combat">A snapshot (null when combat ended).</param>
public sealed record CombatNotice(CombatState? Combat) : Notice;

/// <summary><c>system</c>: a line for an audience.</summary>
/// <param name="Text">The line.</param>
/// <param name="Audience">Who hears it.</param>
public sealed record SystemNotice(string Text, Audience Audience) : Notice;

/// <summary>A seat's token changed or was revoked: the host closes its sockets.</summary>
/// <param name="SeatId">The seat.</param>
/// <param name="Kicked">True for a kick (close 4403), false for a refresh (close 4401).</param>
public sealed record SeatRevokedNotice(string SeatId, bool Kicked) : Notice;
