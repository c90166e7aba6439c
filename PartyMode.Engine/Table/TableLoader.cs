using PartyMode.Engine.Actions;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Narration;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Table;

/// <summary>Fills a new table: from what a store holds (load), or from a campaign (import).</summary>
internal static class TableLoader
{
    public static void Restore(StoredGame stored, TableState table, SeatRegistry seats, ActionQueue queue, EventLog log)
    {
        var characters = InCampaignOrder(stored.Characters, c => c.Id, stored.Meta.CharacterOrder).ToList();
        foreach (var seat in OrderSeats(stored.Seats, characters))
        {
            seats.Add(seat);
        }

        foreach (var c in characters)
        {
            table.Characters[c.Id] = c;
            table.CharacterOrder.Add(c.Id);
        }

        foreach (var n in InCampaignOrder(stored.Npcs, n => n.Id, stored.Meta.NpcOrder))
        {
            table.Npcs[n.Id] = n;
        }

        foreach (var l in InCampaignOrder(stored.Locations, l => l.Id, stored.Meta.LocationOrder))
        {
            table.Locations[l.Id] = l;
        }

        foreach (var a in stored.Actions.OrderBy(a => a.Number))
        {
            queue.Restore(a);
        }

        log.Restore(stored.Events);
        table.Combat = stored.Combat;
        foreach (var r in stored.RollRequests)
        {
            table.RollRequests[r.Id] = r;
        }

        foreach (var c in stored.SheetChanges)
        {
            table.SheetChanges[c.Id] = c;
            if (c.ClientId is not null)
            {
                table.SheetClientIds[(c.PlayerId, c.ClientId)] = c.Id;
            }
        }

        foreach (var e in stored.Events.Where(e => e is { Type: "roll", ClientId: not null, By: not null }))
        {
            table.RollClientIds[(e.By!, e.ClientId!)] = e;
        }
    }

    public static void Import(Transaction tx, Campaign campaign, TableState table, SeatRegistry seats)
    {
        var meta = table.Meta;
        meta.CharacterOrder = campaign.Characters.Select(c => c.Id).ToList();
        meta.NpcOrder = campaign.Npcs.Select(n => n.Id).ToList();
        meta.LocationOrder = campaign.Locations.Select(l => l.Id).ToList();
        meta.SheetPolicy = campaign.SheetPolicy;
        tx.StoreMeta(meta);
        foreach (var c in campaign.Characters)
        {
            var copy = EngineJson.Clone(c);
            table.Characters[copy.Id] = copy;
            table.CharacterOrder.Add(copy.Id);
            tx.Store(copy);
            AddSeat(tx, seats, new Seat { Id = copy.Id, Role = Role.Player, Name = copy.Name });
        }

        AddSeat(tx, seats, new Seat { Id = SeatIds.Observer, Role = Role.Observer, Name = "Observer" });
        AddSeat(tx, seats, new Seat { Id = SeatIds.Dm, Role = Role.Dm, Name = "Game Master" });
        foreach (var n in campaign.Npcs)
        {
            table.Npcs[n.Id] = EngineJson.Clone(n);
            tx.Store(n);
        }

        foreach (var l in campaign.Locations)
        {
            table.Locations[l.Id] = EngineJson.Clone(l);
            tx.Store(l);
        }

        foreach (var o in campaign.Opening)
        {
            var e = tx.NewEvent(o.Type, Audience.Parse(o.Audience));
            e.Text = o.Text;
            e.Expr = o.Expr;
            e.Total = o.Total;
            e.Rolls = o.Rolls?.ToList();
            e.Label = o.Label;
            e.For = o.For;
            e.Visibility = o.Type == "roll" ? Narrator.VisibilityOf(e.Audience) : null;
            e.By = o.Type == "roll" ? SeatIds.Dm : null;
            if (o.Type == "private")
            {
                e.To = [.. e.Audience.PlayerIds];
                e.From = SeatIds.Dm;
            }
        }
    }

    private static void AddSeat(Transaction tx, SeatRegistry seats, Seat seat)
    {
        seats.Add(seat);
        tx.Store(seat);
    }

    private static IEnumerable<T> InCampaignOrder<T>(List<T> items, Func<T, string> id, List<string> order)
    {
        var index = order.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        return items.OrderBy(item => index.TryGetValue(id(item), out var i) ? i : int.MaxValue);
    }

    private static IEnumerable<Seat> OrderSeats(List<Seat> seats, List<Character> characters)
    {
        var order = characters.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return seats.OrderBy(s => s.Role switch { Role.Player => 0, Role.Observer => 1, _ => 2 })
            .ThenBy(s => order.TryGetValue(s.Id, out var i) ? i : int.MaxValue);
    }
}
