using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Model;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

public sealed partial class Game
{
    /// <summary>The full sheet, for its owner or the DM; anyone else gets not-found.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="id">The character id.</param>
    /// <returns>A copy of the sheet.</returns>
    public Character GetCharacter(Viewer viewer, string id)
    {
        lock (_gate)
        {
            if (!_characters.TryGetValue(id, out var c) || (viewer.Role != Role.Dm && viewer.SeatId != id))
            {
                throw GameException.NotFound("character", id);
            }

            return EngineJson.Clone(c);
        }
    }

    /// <summary>All sheets (DM).</summary>
    /// <returns>Copies, in campaign order.</returns>
    public IReadOnlyList<Character> ListCharacters()
    {
        lock (_gate)
        {
            return _characterOrder.Select(id => EngineJson.Clone(_characters[id])).ToList();
        }
    }

    /// <summary>The roster as <paramref name="viewer"/> may see it.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <returns>One line per character.</returns>
    public IReadOnlyList<PartyMember> GetParty(Viewer viewer)
    {
        lock (_gate)
        {
            return _characterOrder.Select(id => RosterLine(viewer, _characters[id])).ToList();
        }
    }

    /// <summary>Replaces the given sheet fields (lists replace whole) and tells the table.</summary>
    /// <param name="id">The character id.</param>
    /// <param name="patch">A partial sheet, e.g. <c>{"hp":40,"conditions":["poisoned"]}</c>.</param>
    /// <returns>The updated sheet.</returns>
    public async Task<Character> PatchCharacterAsync(string id, JsonObject patch)
    {
        Task commit;
        Character snapshot;
        lock (_gate)
        {
            var current = CharacterOf(id);
            var merged = JsonSerializer.SerializeToNode(current, EngineJson.Options)!.AsObject();
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

                if (!merged.ContainsKey(key) && !CampaignLoader.CharacterFields.Contains(key))
                {
                    throw GameException.BadRequest("unknown_field", $"'{key}' is not a character sheet field. Fields: {string.Join(", ", CampaignLoader.CharacterFields)}.");
                }

                merged[key] = value?.DeepClone();
            }

            var problems = new List<string>();
            var updated = CampaignLoader.ReadCharacter(JsonSerializer.SerializeToElement(merged, EngineJson.Options), "$", problems);
            if (problems.Count > 0 || updated is null)
            {
                throw GameException.BadRequest("bad_character", string.Join("; ", problems));
            }

            _characters[id] = updated;
            var changes = new ChangeSet();
            changes.Characters.Add(EngineJson.Clone(updated));
            snapshot = EngineJson.Clone(updated);
            var notices = new List<Notice> { new CharacterNotice(snapshot), new PartyNotice() };
            OnCharacterChangedLocked(updated, changes, notices);
            commit = CommitLocked(changes, notices);
        }

        await commit.ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>The NPCs the players know, public fields only.</summary>
    /// <returns>The entries.</returns>
    public IReadOnlyList<PublicEntry> KnownNpcs()
    {
        lock (_gate)
        {
            return _npcs.Values.Where(n => n.Known).Select(n => new PublicEntry(n.Id, n.Name, n.Description)).ToList();
        }
    }

    /// <summary>The locations the players have discovered, public fields only.</summary>
    /// <returns>The entries.</returns>
    public IReadOnlyList<PublicEntry> DiscoveredLocations()
    {
        lock (_gate)
        {
            return _locations.Values.Where(l => l.Discovered).Select(l => new PublicEntry(l.Id, l.Name, l.Description)).ToList();
        }
    }

    /// <summary>Every NPC with DM notes (DM).</summary>
    /// <returns>Copies.</returns>
    public IReadOnlyList<Npc> ListNpcs()
    {
        lock (_gate)
        {
            return _npcs.Values.Select(EngineJson.Clone).ToList();
        }
    }

    /// <summary>One NPC with DM notes (DM).</summary>
    /// <param name="id">The NPC id.</param>
    /// <returns>A copy.</returns>
    public Npc GetNpc(string id)
    {
        lock (_gate)
        {
            return _npcs.TryGetValue(id, out var n) ? EngineJson.Clone(n) : throw GameException.NotFound("NPC", id);
        }
    }

    /// <summary>Every location with DM notes (DM).</summary>
    /// <returns>Copies.</returns>
    public IReadOnlyList<Location> ListLocations()
    {
        lock (_gate)
        {
            return _locations.Values.Select(EngineJson.Clone).ToList();
        }
    }

    /// <summary>One location with DM notes (DM).</summary>
    /// <param name="id">The location id.</param>
    /// <returns>A copy.</returns>
    public Location GetLocation(string id)
    {
        lock (_gate)
        {
            return _locations.TryGetValue(id, out var l) ? EngineJson.Clone(l) : throw GameException.NotFound("location", id);
        }
    }

    /// <summary>Makes an NPC known to the players, with an event for the party.</summary>
    /// <param name="id">The NPC id.</param>
    /// <param name="narrative">Optional text; defaults to the NPC's public description.</param>
    /// <returns>The NPC (DM view).</returns>
    public async Task<Npc> RevealNpcAsync(string id, string? narrative)
    {
        Task commit;
        Npc snapshot;
        lock (_gate)
        {
            var npc = _npcs.TryGetValue(id, out var n) ? n : throw GameException.NotFound("NPC", id);
            npc.Known = true;
            var changes = new ChangeSet();
            changes.Npcs.Add(EngineJson.Clone(npc));
            AddNarrationLocked(changes, string.IsNullOrWhiteSpace(narrative) ? $"{npc.Name}: {npc.Description}" : narrative, Audience.Party, null, null, null, null, requireSomething: false);
            snapshot = EngineJson.Clone(npc);
            commit = CommitLocked(changes, []);
        }

        await commit.ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>Marks a location discovered, with an event for the party.</summary>
    /// <param name="id">The location id.</param>
    /// <param name="narrative">Optional text; defaults to the location's description.</param>
    /// <returns>The location (DM view).</returns>
    public async Task<Location> RevealLocationAsync(string id, string? narrative)
    {
        Task commit;
        Location snapshot;
        lock (_gate)
        {
            var location = _locations.TryGetValue(id, out var l) ? l : throw GameException.NotFound("location", id);
            location.Discovered = true;
            var changes = new ChangeSet();
            changes.Locations.Add(EngineJson.Clone(location));
            AddNarrationLocked(changes, string.IsNullOrWhiteSpace(narrative) ? $"{location.Name}: {location.Description}" : narrative, Audience.Party, null, null, null, null, requireSomething: false);
            snapshot = EngineJson.Clone(location);
            commit = CommitLocked(changes, []);
        }

        await commit.ConfigureAwait(false);
        return snapshot;
    }

    private PartyMember RosterLine(Viewer viewer, Character c)
    {
        var line = new PartyMember { Id = c.Id, Name = c.Name, Connected = IsConnected(c.Id) };
        if (viewer.Role != Role.Observer)
        {
            line.Class = c.Class;
            line.Level = c.Level;
            line.Hp = c.Hp;
            line.MaxHp = c.MaxHp;
            line.Ac = c.Ac;
            line.Conditions = [.. c.Conditions];
        }

        return line;
    }

    partial void OnCharacterChangedLocked(Character character, ChangeSet changes, List<Notice> notices);
}
