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
/// types need no LiteDB mapping. Reads the whole game at start; turns a change set into document writes (serialised
/// once, for the journal and then LiteDB) and applies them inside a transaction.
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

    /// <summary>A change set's document writes, each serialised once (for the journal, then for LiteDB).</summary>
    public static void AddWrites(ChangeSet changes, List<DocWrite> into)
    {
        if (changes.Meta is not null)
        {
            into.Add(Write("meta", "game", changes.Meta));
        }

        AddAll(into, "seats", changes.Seats, s => s.Id);
        AddAll(into, "characters", changes.Characters, c => c.Id);
        AddAll(into, "npcs", changes.Npcs, n => n.Id);
        AddAll(into, "locations", changes.Locations, l => l.Id);
        AddAll(into, "actions", changes.Actions, a => a.Id);
        AddAll(into, "roll_requests", changes.RollRequests, r => r.Id);
        AddAll(into, "sheet_changes", changes.SheetChanges, c => c.Id);
        AddAll(into, "handouts", changes.Handouts, h => h.Id);
        foreach (var e in changes.Events)
        {
            into.Add(new DocWrite("events", null, e.Seq, Json(e), Append: true));
        }

        if (changes.CombatChanged)
        {
            into.Add(changes.Combat is null ? new DocWrite("combat", "current", 0, null, false) : Write("combat", "current", changes.Combat));
        }
    }

    /// <summary>
    /// Applies writes inside the caller's transaction, in order. Replayed from the journal (<paramref name="replay"/>),
    /// an event may already be stored, so it is upserted like every other document.
    /// </summary>
    public static void Apply(LiteDatabase db, IEnumerable<DocWrite> writes, bool replay)
    {
        foreach (var w in writes)
        {
            var col = db.GetCollection(w.Collection);
            BsonValue id = w.TextId is null ? new BsonValue(w.NumberId) : new BsonValue(w.TextId);
            if (w.Json is null)
            {
                col.Delete(id);
            }
            else if (w.Append && !replay)
            {
                // Events are only ever appended: an insert skips the update attempt an upsert makes first.
                col.Insert(new BsonDocument { ["_id"] = id, ["j"] = w.Json });
            }
            else
            {
                col.Upsert(new BsonDocument { ["_id"] = id, ["j"] = w.Json });
            }
        }
    }

    private static void AddAll<T>(List<DocWrite> into, string collection, List<T> items, Func<T, string> id)
    {
        foreach (var item in items)
        {
            into.Add(Write(collection, id(item), item));
        }
    }

    private static DocWrite Write<T>(string collection, string id, T value) => new(collection, id, 0, Json(value), false);

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, EngineJson.Info<T>());

    private static T Read<T>(BsonDocument doc) => System.Text.Json.JsonSerializer.Deserialize(doc["j"].AsString, EngineJson.Info<T>())!;

    private static List<T> ReadAll<T>(LiteDatabase db, string collection) =>
        db.GetCollection(collection).FindAll().Select(Read<T>).ToList();
}
