using System.Text.Json.Serialization;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Events;

/// <summary>A stored event: it has a global <see cref="Seq"/> and an audience. Never changed once committed.</summary>
public sealed class GameEvent
{
    /// <summary>The global sequence number.</summary>
    public long Seq { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Ts { get; set; }

    /// <summary><c>narrative</c>, <c>private</c>, <c>dm_note</c>, <c>action</c>, <c>roll</c>, <c>handout</c> or <c>system</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Who may see it.</summary>
    public Audience Audience { get; set; } = Audience.DmOnly;

    /// <summary>Text of a narrative, private message, note or system line.</summary>
    public string? Text { get; set; }

    /// <summary>The action this event belongs to.</summary>
    public string? ActionId { get; set; }

    /// <summary>The acting player of a narrative.</summary>
    public string? Actor { get; set; }

    /// <summary>Recipients of a private message.</summary>
    public List<string>? To { get; set; }

    /// <summary>Sender of a private message (always <c>dm</c>).</summary>
    public string? From { get; set; }

    /// <summary>The submitted action, as the table heard it.</summary>
    public GameAction? Action { get; set; }

    /// <summary>Dice expression of a roll.</summary>
    public string? Expr { get; set; }

    /// <summary>Total of a roll.</summary>
    public int? Total { get; set; }

    /// <summary>The dice of a roll.</summary>
    public List<int>? Rolls { get; set; }

    /// <summary>Label of a roll.</summary>
    public string? Label { get; set; }

    /// <summary>The player a roll is for.</summary>
    public string? For { get; set; }

    /// <summary>A roll's visibility (<c>public</c>, <c>party</c>, <c>private</c>, <c>dm</c>), so a client can mark hidden rolls.</summary>
    public string? Visibility { get; set; }

    /// <summary>Who rolled: a player seat, or <c>dm</c> (docs/protocol.md §7.1).</summary>
    public string? By { get; set; }

    /// <summary>A roll's <c>advantage</c> or <c>disadvantage</c> (absent for a normal roll).</summary>
    public string? Mode { get; set; }

    /// <summary>The dice a sheet reference resolved to (e.g. <c>skill:stealth</c> → <c>1d20+7</c>).</summary>
    public string? Resolved { get; set; }

    /// <summary>The sheet bonus of a referenced d20 roll.</summary>
    public int? Modifier { get; set; }

    /// <summary>True when the player rolled real dice and typed the result.</summary>
    public bool? Physical { get; set; }

    /// <summary>The roll request this roll answers.</summary>
    public string? RequestId { get; set; }

    /// <summary>The roller's idempotency key: stored so a retry finds the roll after a restart, never sent on the wire.</summary>
    public string? ClientId { get; set; }

    /// <summary>The handout a <c>handout</c> event shows (docs/protocol.md §9.2).</summary>
    public string? HandoutId { get; set; }

    /// <summary>The title of a shown handout.</summary>
    public string? Title { get; set; }

    /// <summary>A shown handout's width in pixels.</summary>
    public int? Width { get; set; }

    /// <summary>A shown handout's height in pixels.</summary>
    public int? Height { get; set; }

    /// <summary>
    /// A slot the host may fill with its own rendering of this event (its wire bytes, serialized once
    /// and shared by every viewer); the engine never reads or writes it.
    /// </summary>
    [JsonIgnore]
    public object? HostCache { get; set; }
}
