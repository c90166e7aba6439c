using System.Text.Json;
using PartyMode.Engine;
using PartyMode.Engine.Events;
using PartyMode.Engine.Model;
using PartyMode.Engine.Sheets;

namespace PartyMode.Cli.Protocol;

/// <summary>The wire form of sheet changes and their events (docs/protocol.md §8.2).</summary>
internal static class SheetJson
{
    /// <summary>The fields of a <c>sheet_change</c> event: <c>player_id</c>, <c>summary</c>, <c>ops</c>, <c>change_id</c> (<c>by</c> is written with the roll fields).</summary>
    public static void WriteEventFields(Utf8JsonWriter w, GameEvent e)
    {
        w.WriteIfPresent("player_id", e.PlayerId);
        w.WriteIfPresent("summary", e.Summary);
        if (e.Ops is not null)
        {
            WriteOps(w, e.Ops);
        }

        w.WriteIfPresent("change_id", e.ChangeId);
    }

    /// <summary>A change: <c>{id?, player_id, by, ops, status, summary, reason?, client_id?, created_at, closed_at?, seq?}</c>.</summary>
    public static void WriteChange(Utf8JsonWriter w, SheetChange c)
    {
        w.WriteStartObject();
        if (c.Id.Length > 0)
        {
            w.WriteString("id", c.Id);
        }

        w.WriteString("player_id", c.PlayerId);
        w.WriteString("by", c.By);
        WriteOps(w, c.Ops);
        w.WriteString("status", c.Status.ToString().ToLowerInvariant());
        w.WriteString("summary", c.Summary);
        w.WriteIfPresent("reason", c.Reason);
        w.WriteIfPresent("client_id", c.ClientId);
        w.WriteString("created_at", EventJson.Iso(c.CreatedAt));
        if (c.ClosedAt is { } closed)
        {
            w.WriteString("closed_at", EventJson.Iso(closed));
        }

        if (c.Seq is { } seq)
        {
            w.WriteNumber("seq", seq);
        }

        w.WriteEndObject();
    }

    /// <summary><c>sheet_policy</c> of the welcome (docs/protocol.md §8.2): <c>{free:[…], approval:[…]}</c>.</summary>
    public static void WritePolicy(Utf8JsonWriter w, SheetPolicy? policy)
    {
        if (policy is null)
        {
            return;
        }

        w.WriteStartObject("sheet_policy");
        w.WriteStartArray("free");
        foreach (var f in policy.Free)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        w.WriteStartArray("approval");
        foreach (var f in policy.Approval)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteChanges(Utf8JsonWriter w, string property, IEnumerable<SheetChange> changes)
    {
        w.WriteStartArray(property);
        foreach (var c in changes)
        {
            WriteChange(w, c);
        }

        w.WriteEndArray();
    }

    /// <summary>An answer: <c>{change}</c>, and <c>character</c> once applied.</summary>
    public static void WriteResult(Utf8JsonWriter w, SheetChangeResult result)
    {
        if (result.Character is { } sheet)
        {
            WriteCharacter(w, sheet);
        }

        w.WritePropertyName("change");
        WriteChange(w, result.Change);
    }

    public static void WriteCharacter(Utf8JsonWriter w, Character sheet)
    {
        w.WritePropertyName("character");
        JsonSerializer.Serialize(w, sheet, EngineJson.Info<Character>());
    }

    private static void WriteOps(Utf8JsonWriter w, IEnumerable<SheetOp> ops)
    {
        w.WritePropertyName("ops");
        JsonSerializer.Serialize(w, ops.ToList(), EngineJson.Info<List<SheetOp>>());
    }
}
