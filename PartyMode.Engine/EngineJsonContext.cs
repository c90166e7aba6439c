using System.Text.Json.Serialization;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Seats;
using PartyMode.Engine.Storage;

namespace PartyMode.Engine;

/// <summary>
/// Compile-time JSON metadata for the engine's types, so start-up (campaign import, store load) does not
/// build serializers by reflection. Naming and converters still come from <see cref="EngineJson.Options"/>.
/// </summary>
[JsonSerializable(typeof(Campaign))]
[JsonSerializable(typeof(Character))]
[JsonSerializable(typeof(List<Character>))]
[JsonSerializable(typeof(Npc))]
[JsonSerializable(typeof(List<Npc>))]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(List<Location>))]
[JsonSerializable(typeof(PartyMember))]
[JsonSerializable(typeof(List<PartyMember>))]
[JsonSerializable(typeof(IReadOnlyList<PartyMember>))]
[JsonSerializable(typeof(PublicEntry))]
[JsonSerializable(typeof(IReadOnlyList<PublicEntry>))]
[JsonSerializable(typeof(IReadOnlyList<Character>))]
[JsonSerializable(typeof(IReadOnlyList<Npc>))]
[JsonSerializable(typeof(IReadOnlyList<Location>))]
[JsonSerializable(typeof(GameAction))]
[JsonSerializable(typeof(GameEvent))]
[JsonSerializable(typeof(Seat))]
[JsonSerializable(typeof(GameMeta))]
[JsonSerializable(typeof(CombatState))]
[JsonSerializable(typeof(Rolls.RollRequest))]
[JsonSerializable(typeof(Sheets.SheetChange))]
[JsonSerializable(typeof(List<Sheets.SheetOp>))]
[JsonSerializable(typeof(Handouts.Handout))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
