using PartyMode.Engine.Events;

namespace PartyMode.Engine.Handouts;

/// <summary>The handouts part of the table state: records by id, and every <c>handout</c> event by handout id. Touched under the game's lock only.</summary>
internal sealed class HandoutState
{
    public Dictionary<string, Handout> ById { get; } = new(StringComparer.Ordinal);

    /// <summary>Handout ids in creation order.</summary>
    public List<string> Order { get; } = [];

    /// <summary>The <c>handout</c> events of each handout, in seq order (uncommitted ones included: readers bound them by the watermark).</summary>
    public Dictionary<string, List<GameEvent>> Showings { get; } = new(StringComparer.Ordinal);

    public Handout Of(string id) => ById.TryGetValue(id, out var h) ? h : throw GameException.NotFound("handout", id);

    public void Add(Handout handout)
    {
        ById[handout.Id] = handout;
        Order.Add(handout.Id);
    }

    public void AddShowing(GameEvent e)
    {
        if (!Showings.TryGetValue(e.HandoutId!, out var list))
        {
            list = [];
            Showings[e.HandoutId!] = list;
        }

        list.Add(e);
    }
}
