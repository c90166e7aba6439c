using System.Text.Json.Serialization;

namespace PartyMode.Engine.Actions;

/// <summary>A player's action.</summary>
public sealed class GameAction
{
    /// <summary>The id, e.g. <c>act_000042</c>; never reused.</summary>
    public string Id { get; set; } = "";

    /// <summary>The seq of the action's <c>action</c> event.</summary>
    public long Seq { get; set; }

    /// <summary>The acting player's seat id.</summary>
    public string PlayerId { get; set; } = "";

    /// <summary>What the player said.</summary>
    public string Text { get; set; } = "";

    /// <summary>A whisper to the DM: visible to the actor and the DM only.</summary>
    public bool Private { get; set; }

    /// <summary>Where the action is in its life.</summary>
    public ActionStatus Status { get; set; }

    /// <summary>The client's idempotency key, if it sent one.</summary>
    public string? ClientId { get; set; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>When it was resolved or cancelled.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Why it was cancelled, when it was.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// Order in which the DM receives it; normally the action number. A simultaneous round
    /// re-keys its actions into initiative order when it closes.
    /// </summary>
    [JsonPropertyName("queue_key")]
    public long QueueKey { get; set; }

    /// <summary>Held back from the DM until its simultaneous round closes.</summary>
    public bool Held { get; set; }

    /// <summary>The numeric part of the id.</summary>
    [JsonIgnore]
    public long Number => long.Parse(Id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The id of action number <paramref name="number"/>.</summary>
    /// <param name="number">The action number.</param>
    /// <returns>The id.</returns>
    public static string IdFor(long number) => "act_" + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A field-by-field copy (actions are copied on every change, so not through JSON).</summary>
    internal GameAction Snapshot() => new()
    {
        Id = Id,
        Seq = Seq,
        PlayerId = PlayerId,
        Text = Text,
        Private = Private,
        Status = Status,
        ClientId = ClientId,
        SubmittedAt = SubmittedAt,
        ResolvedAt = ResolvedAt,
        Reason = Reason,
        QueueKey = QueueKey,
        Held = Held,
    };
}
