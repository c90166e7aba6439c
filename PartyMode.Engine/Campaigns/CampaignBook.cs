using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Model;
using PartyMode.Engine.Narration;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Campaigns;

/// <summary>The campaign book: character sheets, NPCs and locations, and what the players know of them.</summary>
internal sealed class CampaignBook(TableState table, Roster roster, Narrator narrator, TurnOrder turns)
{
    /// <summary>Who hears a reveal (docs/protocol.md §1.2, a choice): the party; an entry's image is shown to the same audience.</summary>
    public static readonly Audience RevealAudience = Audience.Party;

    public Character GetCharacter(Viewer viewer, string id)
    {
        if (!table.Characters.TryGetValue(id, out var c) || (viewer.Role != Role.Dm && viewer.SeatId != id))
        {
            throw GameException.NotFound("character", id);
        }

        return Sheets.SheetView.For(viewer, EngineJson.Clone(c));
    }

    public IReadOnlyList<Character> ListCharacters() => table.CharacterOrder.Select(id => EngineJson.Clone(table.Characters[id])).ToList();

    public IReadOnlyList<PartyMember> Party(Viewer viewer) => roster.For(viewer);

    /// <summary>Replaces the given sheet fields (lists replace whole) and tells the table; a PC in the fight follows its sheet.</summary>
    public Character PatchCharacter(Transaction tx, string id, JsonObject patch)
    {
        var current = table.CharacterOf(id);
        var merged = JsonSerializer.SerializeToNode(current, EngineJson.Info<Character>())!.AsObject();
        foreach (var (key, value) in patch)
        {
            if (key == "id")
            {
                if (value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == id)
                {
                    continue;
                }

                throw GameException.BadRequest("bad_request", "A character's id cannot change.");
            }

            if (!merged.ContainsKey(key) && !CharacterReader.Fields.Contains(key))
            {
                throw GameException.BadRequest("unknown_field", $"'{key}' is not a character sheet field. Fields: {string.Join(", ", CharacterReader.Fields)}.");
            }

            merged[key] = value?.DeepClone();
        }

        var problems = new List<string>();
        var updated = CharacterReader.Read(JsonSerializer.SerializeToElement(merged, EngineJson.Info<JsonObject>()), "$", problems);
        if (problems.Count > 0 || updated is null)
        {
            throw GameException.BadRequest("bad_character", string.Join("; ", problems));
        }

        table.Characters[id] = updated;
        var snapshot = tx.Store(updated);
        tx.Notify(new CharacterNotice(snapshot));
        roster.Notify(tx);
        turns.SheetChanged(tx, updated);
        return EngineJson.Clone(updated);
    }

    public IReadOnlyList<PublicEntry> KnownNpcs() =>
        table.Npcs.Values.Where(n => n.Known).Select(n => new PublicEntry(n.Id, n.Name, n.Description)).ToList();

    public IReadOnlyList<PublicEntry> DiscoveredLocations() =>
        table.Locations.Values.Where(l => l.Discovered).Select(l => new PublicEntry(l.Id, l.Name, l.Description)).ToList();

    public IReadOnlyList<Npc> ListNpcs() => table.Npcs.Values.Select(EngineJson.Clone).ToList();

    public Npc GetNpc(string id) => EngineJson.Clone(NpcOf(id));

    public IReadOnlyList<Location> ListLocations() => table.Locations.Values.Select(EngineJson.Clone).ToList();

    public Location GetLocation(string id) => EngineJson.Clone(LocationOf(id));

    /// <summary>Makes an NPC known to the players, with an event for the party (default text: its public description).</summary>
    public Npc RevealNpc(Transaction tx, string id, string? narrative)
    {
        var npc = NpcOf(id);
        npc.Known = true;
        tx.Store(npc);
        Announce(tx, narrative, $"{npc.Name}: {npc.Description}");
        return EngineJson.Clone(npc);
    }

    /// <summary>Marks a location discovered, with an event for the party (default text: its description).</summary>
    public Location RevealLocation(Transaction tx, string id, string? narrative)
    {
        var location = LocationOf(id);
        location.Discovered = true;
        tx.Store(location);
        Announce(tx, narrative, $"{location.Name}: {location.Description}");
        return EngineJson.Clone(location);
    }

    private void Announce(Transaction tx, string? narrative, string fallback) =>
        narrator.AddNarration(tx, string.IsNullOrWhiteSpace(narrative) ? fallback : narrative, RevealAudience, null, null, null, null, requireSomething: false);

    private Npc NpcOf(string id) => table.Npcs.TryGetValue(id, out var n) ? n : throw GameException.NotFound("NPC", id);

    private Location LocationOf(string id) => table.Locations.TryGetValue(id, out var l) ? l : throw GameException.NotFound("location", id);
}
