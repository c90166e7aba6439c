using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Storage;

namespace PartyMode.Engine.Table;

/// <summary>
/// The table's shared in-memory state, read and changed by the feature classes. Only touched with the
/// game's lock held; what leaves the lock is a copy.
/// </summary>
internal sealed class TableState(GameMeta meta)
{
    public GameMeta Meta { get; } = meta;

    public Dictionary<string, Seat> Seats { get; } = new(StringComparer.Ordinal);

    /// <summary>Players first (campaign order), then observer and DM.</summary>
    public List<Seat> SeatOrder { get; } = [];

    public Dictionary<string, Character> Characters { get; } = new(StringComparer.Ordinal);

    /// <summary>Character ids in campaign order.</summary>
    public List<string> CharacterOrder { get; } = [];

    public Dictionary<string, Npc> Npcs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Location> Locations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, GameAction> Actions { get; } = new(StringComparer.Ordinal);

    /// <summary>Pending actions the DM may take, by queue key (held ones are not here).</summary>
    public PendingActions Pending { get; } = new();

    /// <summary>The fight and/or open simultaneous round; null in exploration.</summary>
    public CombatState? Combat { get; set; }

    public long NextActionNumber { get; set; } = 1;

    /// <summary>Roll requests by id (docs/protocol.md §7.2), open and closed.</summary>
    public Dictionary<string, Rolls.RollRequest> RollRequests { get; } = new(StringComparer.Ordinal);

    /// <summary>Player rolls by (seat, client_id), so a retried roll returns the first one.</summary>
    public Dictionary<(string Seat, string ClientId), GameEvent> RollClientIds { get; } = [];

    /// <summary>Handout records and their showings (docs/protocol.md §9).</summary>
    public Handouts.HandoutState Handouts { get; } = new();

    public Seat SeatOf(string seatId) =>
        Seats.TryGetValue(seatId, out var seat) ? seat : throw GameException.NotFound("seat", seatId);

    public Character CharacterOf(string id) =>
        Characters.TryGetValue(id, out var c) ? c : throw GameException.NotFound("character", id);

    public GameAction ActionOf(string id) =>
        Actions.TryGetValue(id, out var a) ? a : throw GameException.NotFound("action", id);

    /// <summary>Display names of players, for messages.</summary>
    public string NamesOf(IEnumerable<string> playerIds) =>
        string.Join(", ", playerIds.Select(id => Characters.TryGetValue(id, out var c) ? c.Name : id));

    /// <summary>Refuses ids that are not player characters.</summary>
    public void CheckPlayers(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (!Characters.ContainsKey(id))
            {
                throw GameException.BadRequest("unknown_player", $"There is no player '{id}'. Players: {string.Join(", ", CharacterOrder)}.");
            }
        }
    }
}
