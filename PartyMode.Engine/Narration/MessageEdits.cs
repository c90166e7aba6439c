using PartyMode.Engine.Events;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Narration;

/// <summary>
/// The DM edits or retracts a message it sent (docs/protocol.md §3.7.19). The original stays as it was
/// stored; a new <c>edit</c> or <c>retract</c> event names it by seq and carries the original's audience,
/// so exactly those who could see the message learn of the change, through the one filter.
/// </summary>
internal sealed class MessageEdits(EventLog log, GameOptions options)
{
    /// <summary>The event type of an edit.</summary>
    public const string EditType = "edit";

    /// <summary>The event type of a retraction.</summary>
    public const string RetractType = "retract";

    /// <summary>Replaces the text of a narrative, whisper or DM note, or the label of a DM roll.</summary>
    /// <exception cref="GameException">404 for an unknown seq; 409 for a message the DM did not send or one already retracted; 400 for an empty or long text.</exception>
    public GameEvent Edit(Transaction tx, long seq, string? text)
    {
        var original = Editable(seq, "edited");
        if (string.IsNullOrWhiteSpace(text))
        {
            throw GameException.BadRequest("empty_text", "'text' is empty: give the new text, or retract the message instead.");
        }

        if (text.Length > options.MaxNarrativeLength)
        {
            throw GameException.BadRequest("too_long", $"'text' has {text.Length} characters; the limit is {options.MaxNarrativeLength}.");
        }

        var e = tx.NewEvent(EditType, original.Audience);
        e.Ref = original.Seq;
        if (original.Type == "roll")
        {
            e.Label = text.Trim();
        }
        else
        {
            e.Text = text.Trim();
        }

        return e;
    }

    /// <summary>Withdraws a narrative, whisper, DM note or DM roll: those who saw it see it retracted.</summary>
    /// <exception cref="GameException">As for <see cref="Edit"/>.</exception>
    public GameEvent Retract(Transaction tx, long seq)
    {
        var original = Editable(seq, "retracted");
        var e = tx.NewEvent(RetractType, original.Audience);
        e.Ref = original.Seq;
        return e;
    }

    private GameEvent Editable(long seq, string verb)
    {
        var original = log.Find(seq) ?? throw new GameException(ErrorKind.NotFound, "not_found", $"No event {seq}: give the seq of a message you sent.");
        var sentByDm = original.Type switch
        {
            "narrative" or "private" or "dm_note" => true,
            // A DM roll (by "dm"; v1 rolls stored no roller and were the DM's); a player's roll is the player's.
            "roll" => original.By is null or SeatIds.Dm,
            _ => false,
        };
        if (!sentByDm)
        {
            throw GameException.Conflict("not_editable", $"Event {seq} is {Describe(original)}; only the DM's narration, whispers, notes and rolls can be {verb}.");
        }

        if (log.Following(seq).Any(e => e.Type == RetractType && e.Ref == seq))
        {
            throw GameException.Conflict("retracted", $"Event {seq} was retracted; it cannot be {verb} any more.");
        }

        return original;
    }

    private static string Describe(GameEvent e) => e.Type switch
    {
        "action" => "a player's action",
        "roll" => "a player's roll",
        EditType => "an edit (edit the original message instead)",
        RetractType => "a retraction",
        var other => $"a '{other}' event",
    };
}
