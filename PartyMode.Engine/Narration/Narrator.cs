using PartyMode.Engine.Dice;
using PartyMode.Engine.Events;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Narration;

/// <summary>Narration, whispers and dice: the DM's words and rolls, each stored as events with their audience.</summary>
internal sealed class Narrator(TableState table, GameOptions options)
{
    /// <summary>Scene text not tied to an action.</summary>
    /// <param name="tx">The write.</param>
    /// <param name="narrative">The main text.</param>
    /// <param name="audience">Who hears the main text (default public).</param>
    /// <param name="privateParts">Text per player id.</param>
    /// <param name="dmOnly">A note for the DM.</param>
    /// <returns>The stored events.</returns>
    public IReadOnlyList<GameEvent> Narrate(Transaction tx, string? narrative, Audience? audience, IReadOnlyDictionary<string, string>? privateParts, string? dmOnly)
    {
        if (audience is { Kind: AudienceKind.Players })
        {
            table.CheckPlayers(audience.PlayerIds);
        }

        return AddNarration(tx, narrative, audience ?? Audience.Public, privateParts, dmOnly, null, null, requireSomething: true);
    }

    /// <summary>A private message from the DM to some players.</summary>
    /// <param name="tx">The write.</param>
    /// <param name="to">Player ids.</param>
    /// <param name="text">The message.</param>
    /// <returns>The stored event.</returns>
    public IReadOnlyList<GameEvent> Whisper(Transaction tx, IReadOnlyList<string> to, string? text)
    {
        if (to.Count == 0)
        {
            throw GameException.BadRequest("bad_request", "A whisper needs at least one player to send it to.");
        }

        table.CheckPlayers(to);
        var body = RequireText(text, "text");
        var e = tx.NewEvent("private", Audience.Players(to));
        e.Text = body;
        e.To = [.. e.Audience.PlayerIds];
        e.From = SeatIds.Dm;
        return [e];
    }

    /// <summary>Rolls dice with a visibility (<c>public</c>, <c>party</c>, <c>private</c> for one player, <c>dm</c>).</summary>
    /// <param name="tx">The write.</param>
    /// <param name="result">The rolled dice.</param>
    /// <param name="visibility">Who sees it.</param>
    /// <param name="forPlayer">The player of a private roll (or whom the roll concerns).</param>
    /// <param name="label">What it is for.</param>
    /// <returns>The stored roll event.</returns>
    public GameEvent Roll(Transaction tx, DiceResult result, string? visibility, string? forPlayer, string? label)
    {
        if (forPlayer is not null)
        {
            table.CheckPlayers([forPlayer]);
        }

        var audience = (visibility ?? "public") switch
        {
            "public" => Audience.Public,
            "party" => Audience.Party,
            "dm" => Audience.DmOnly,
            "private" when forPlayer is not null => Audience.Players(forPlayer),
            "private" => throw GameException.BadRequest("bad_request", "A private roll needs the player who sees it."),
            var other => throw GameException.BadRequest("bad_request", $"Unknown visibility '{other}': use public, party, private or dm."),
        };
        var e = tx.NewEvent("roll", audience);
        e.Expr = result.Expression;
        e.Total = result.Total;
        e.Rolls = [.. result.Rolls];
        e.Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        e.For = forPlayer;
        e.Visibility = VisibilityOf(audience);
        e.By = SeatIds.Dm;
        return e;
    }

    /// <summary>Rolls an expression with the game's dice.</summary>
    public DiceResult Dice(string? expr) => DiceRoller.Roll(expr ?? "", options.Random);

    /// <summary>The roll visibility word of an audience.</summary>
    public static string VisibilityOf(Audience audience) => audience.Kind switch
    {
        AudienceKind.Public => "public",
        AudienceKind.Party => "party",
        AudienceKind.Players => "private",
        _ => "dm",
    };

    /// <summary>Adds the events of a narration (main text, private parts, DM note).</summary>
    public List<GameEvent> AddNarration(
        Transaction tx, string? narrative, Audience audience, IReadOnlyDictionary<string, string>? privateParts,
        string? dmOnly, string? actionId, string? actor, bool requireSomething)
    {
        if (privateParts is not null)
        {
            table.CheckPlayers(privateParts.Keys);
        }

        var hasNarrative = !string.IsNullOrWhiteSpace(narrative);
        var hasPrivate = privateParts is not null && privateParts.Values.Any(v => !string.IsNullOrWhiteSpace(v));
        var hasNote = !string.IsNullOrWhiteSpace(dmOnly);
        if (requireSomething && !hasNarrative && !hasPrivate && !hasNote)
        {
            throw GameException.BadRequest("empty_narrative", "Give a narrative (or at least a private part or a DM note).");
        }

        CheckLength(narrative, "narrative");
        CheckLength(dmOnly, "dm_only");
        foreach (var (playerId, text) in privateParts ?? new Dictionary<string, string>())
        {
            CheckLength(text, "private." + playerId);
        }

        var events = new List<GameEvent>();
        if (hasNarrative)
        {
            var e = tx.NewEvent("narrative", audience);
            e.Text = narrative!.Trim();
            e.ActionId = actionId;
            e.Actor = actor;
            events.Add(e);
        }

        foreach (var (playerId, text) in (privateParts ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var e = tx.NewEvent("private", Audience.Players(playerId));
            e.Text = text.Trim();
            e.To = [playerId];
            e.From = SeatIds.Dm;
            e.ActionId = actionId;
            events.Add(e);
        }

        if (hasNote)
        {
            var e = tx.NewEvent("dm_note", Audience.DmOnly);
            e.Text = dmOnly!.Trim();
            e.ActionId = actionId;
            events.Add(e);
        }

        return events;
    }

    private string RequireText(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw GameException.BadRequest("empty_text", $"'{field}' is empty.");
        }

        CheckLength(text, field);
        return text.Trim();
    }

    private void CheckLength(string? text, string field)
    {
        if (text is not null && text.Length > options.MaxNarrativeLength)
        {
            throw GameException.BadRequest("too_long", $"'{field}' has {text.Length} characters; the limit is {options.MaxNarrativeLength}.");
        }
    }
}
