using System.Text.Json;
using PartyMode.Engine.Events;
using PartyMode.Engine.Rolls;

namespace PartyMode.Cli.Protocol;

/// <summary>The wire form of player rolls and roll requests (docs/protocol.md §7).</summary>
internal static class RollJson
{
    /// <summary>The v2 fields of a roll event: <c>by</c>, <c>mode</c>, <c>resolved</c>, <c>modifier</c>, <c>physical</c>, <c>request_id</c>.</summary>
    public static void WriteRollFields(Utf8JsonWriter w, GameEvent e)
    {
        w.WriteIfPresent("by", e.By);
        w.WriteIfPresent("mode", e.Mode);
        w.WriteIfPresent("resolved", e.Resolved);
        w.WriteIfPresent("modifier", e.Modifier);
        if (e.Physical == true)
        {
            w.WriteBoolean("physical", true);
        }

        w.WriteIfPresent("request_id", e.RequestId);
    }

    /// <summary>
    /// What the roller is told of its own blind roll: what it rolled and that it did, never the total,
    /// the dice or the seq of an event it may not see.
    /// </summary>
    public static void WriteBlindReceipt(Utf8JsonWriter w, GameEvent e)
    {
        w.WriteStartObject();
        w.WriteString("type", "roll");
        w.WriteString("status", "rolled_blind");
        w.WriteIfPresent("expr", e.Expr);
        w.WriteIfPresent("resolved", e.Resolved);
        w.WriteIfPresent("label", e.Label);
        w.WriteIfPresent("by", e.By);
        w.WriteIfPresent("visibility", e.Visibility);
        w.WriteIfPresent("mode", e.Mode);
        if (e.Physical == true)
        {
            w.WriteBoolean("physical", true);
        }

        w.WriteIfPresent("request_id", e.RequestId);
        w.WriteEndObject();
    }

    public static void WriteRequests(Utf8JsonWriter w, string property, IEnumerable<RollRequest> requests, bool forDm)
    {
        w.WriteStartArray(property);
        foreach (var r in requests)
        {
            WriteRequest(w, r, forDm);
        }

        w.WriteEndArray();
    }

    /// <summary>A request; the player's copy has no DC and no success, and no total when the roll is blind.</summary>
    public static void WriteRequest(Utf8JsonWriter w, RollRequest r, bool forDm)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("player", r.Player);
        w.WriteString("expr", r.Expr);
        w.WriteString("mode", r.Mode);
        if (forDm)
        {
            w.WriteIfPresent("dc", r.Dc);
        }

        w.WriteString("visibility", r.Visibility);
        w.WriteIfPresent("reason", r.Reason);
        w.WriteBoolean("allow_physical", r.AllowPhysical);
        w.WriteString("status", r.Status.ToString().ToLowerInvariant());
        w.WriteString("created_at", EventJson.Iso(r.CreatedAt));
        if (r.ClosedAt is { } closed)
        {
            w.WriteString("closed_at", EventJson.Iso(closed));
        }

        if (r.Status == RollRequestStatus.Rolled && (forDm || r.Visibility != "blind"))
        {
            w.WriteStartObject("roll");
            w.WriteIfPresent("total", r.RollTotal);
            if (r.RollSeq is { } seq)
            {
                w.WriteNumber("seq", seq);
            }

            w.WriteIfPresent("label", r.RollLabel);
            if (r.RollPhysical == true)
            {
                w.WriteBoolean("physical", true);
            }

            w.WriteEndObject();
            if (forDm && r.Success is { } success)
            {
                w.WriteBoolean("success", success);
            }
        }

        w.WriteEndObject();
    }
}
