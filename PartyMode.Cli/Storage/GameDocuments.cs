using LiteDB;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Rolls;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Sheets;
using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Storage;

/// <summary>
/// The game's documents in LiteDB: <c>{_id, j}</c> with the engine's own JSON in <c>j</c>, so the engine's
/// types need no LiteDB mapping. Reads the whole game at start; applies a change set inside a transaction.
/// </summary>
internal static class GameDocuments
{
    public static StoredGame? Load(LiteDatabase db)
    {
        var metaDoc = db.GetCollection("meta").FindById("game");
        if (metaDoc is null)
        {
            return null;
        }

        var combatDoc = db.GetCollection("combat").FindById("current");
        return new StoredGame
        {
            Meta = Read<GameMeta>(metaDoc),
            Seats = ReadAll<Seat>(db, "seats"),
            Characters = ReadAll<Character>(db, "characters"),
            Npcs = ReadAll<Npc>(db, "npcs"),
            Locations = ReadAll<Location>(db, "locations"),
            Actions = ReadAll<GameAction>(db, "actions"),
            Events = ReadAll<GameEvent>(db, "events"),
            RollRequests = ReadAll<RollRequest>(db, "roll_requests"),
            SheetChanges = ReadAll<SheetChange>(db, "sheet_changes"),
            Handouts = ReadAll<Engine.Handouts.Handout>(db, "handouts"),
            Combat = combatDoc is null ? null : Read<CombatState>(combatDoc),
        };
    }

    public static void Apply(LiteDatabase db, ChangeSet changes)
    {
        if (changes.Meta is not null)
        {
            db.GetCollection("meta").Upsert(Doc("game", changes.Meta));
        }

        Upsert(db, "seats", changes.Seats, s => s.Id);
        Upsert(db, "characters", changes.Characters, c => c.Id);
        Upsert(db, "npcs", changes.Npcs, n => n.Id);
        Upsert(db, "locations", changes.Locations, l => l.Id);
        Upsert(db, "actions", changes.Actions, a => a.Id);
        Upsert(db, "roll_requests", changes.RollRequests, r => r.Id);
        Upsert(db, "sheet_changes", changes.SheetChanges, c => c.Id);
        Upsert(db, "handouts", changes.Handouts, h => h.Id);
        if (changes.Events.Count > 0)
        {
            var events = db.GetCollection("events");
            foreach (var e in changes.Events)
            {
                // Events are only ever appended: an insert skips the update attempt an upsert makes first.
                events.Insert(Doc(e.Seq, e));
            }
        }

        if (changes.CombatChanged)
        {
            var combat = db.GetCollection("combat");
            if (changes.Combat is null)
            {
                combat.Delete("current");
            }
            else
            {
                combat.Upsert(Doc("current", changes.Combat));
            }
        }
    }

    private static void Upsert<T>(LiteDatabase db, string collection, List<T> items, Func<T, string> id)
    {
        if (items.Count == 0)
        {
            return;
        }

        var col = db.GetCollection(collection);
        foreach (var item in items)
        {
            col.Upsert(Doc(id(item), item));
        }
    }

    private static BsonDocument Doc<T>(BsonValue id, T value) => new()
    {
        ["_id"] = id,
        ["j"] = System.Text.Json.JsonSerializer.Serialize(value, EngineJson.Info<T>()),
    };

    private static T Read<T>(BsonDocument doc) => System.Text.Json.JsonSerializer.Deserialize(doc["j"].AsString, EngineJson.Info<T>())!;

    private static List<T> ReadAll<T>(LiteDatabase db, string collection) =>
        db.GetCollection(collection).FindAll().Select(Read<T>).ToList();
}
