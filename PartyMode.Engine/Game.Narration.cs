using PartyMode.Engine.Dice;
using PartyMode.Engine.Events;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

public sealed partial class Game
{
    /// <summary>Scene text not tied to an action (docs/protocol.md §3.7.9 narrate).</summary>
    /// <param name="narrative">The main text.</param>
    /// <param name="audience">Who hears the main text (default public).</param>
    /// <param name="privateParts">Text per player id.</param>
    /// <param name="dmOnly">A note for the DM.</param>
    /// <returns>The stored events.</returns>
    public async Task<IReadOnlyList<GameEvent>> NarrateAsync(string? narrative, Audience? audience, IReadOnlyDictionary<string, string>? privateParts, string? dmOnly)
    {
        Task commit;
        List<GameEvent> events;
        lock (_gate)
        {
            if (audience is { Kind: AudienceKind.Players })
            {
                CheckPlayers(audience.PlayerIds);
            }

            var changes = new ChangeSet();
            events = AddNarrationLocked(changes, narrative, audience ?? Audience.Public, privateParts, dmOnly, null, null, requireSomething: true);
            commit = CommitLocked(changes, []);
        }

        await commit.ConfigureAwait(false);
        return events;
    }

    /// <summary>A private message from the DM to some players.</summary>
    /// <param name="to">Player ids.</param>
    /// <param name="text">The message.</param>
    /// <returns>The stored event.</returns>
    public async Task<IReadOnlyList<GameEvent>> WhisperAsync(IReadOnlyList<string> to, string? text)
    {
        if (to.Count == 0)
        {
            throw GameException.BadRequest("bad_request", "Whisper needs at least one player id in 'to'.");
        }

        Task commit;
        GameEvent e;
        lock (_gate)
        {
            CheckPlayers(to);
            var body = RequireText(text, "text");
            var changes = new ChangeSet();
            e = NewEvent("private", Audience.Players(to));
            e.Text = body;
            e.To = [.. e.Audience.PlayerIds];
            e.From = SeatIds.Dm;
            changes.Events.Add(e);
            commit = CommitLocked(changes, []);
        }

        await commit.ConfigureAwait(false);
        return [e];
    }

    /// <summary>Rolls dice with a visibility (<c>public</c>, <c>party</c>, <c>private</c> for one player, <c>dm</c>).</summary>
    /// <param name="expr">e.g. <c>2d6+3</c>, <c>4d6kh3</c>, <c>1d20adv</c>.</param>
    /// <param name="visibility">Who sees it.</param>
    /// <param name="forPlayer">The player of a private roll (or whom the roll concerns).</param>
    /// <param name="label">What it is for.</param>
    /// <returns>The stored roll event.</returns>
    public async Task<GameEvent> RollAsync(string? expr, string? visibility, string? forPlayer, string? label)
    {
        var result = DiceRoller.Roll(expr ?? "", _options.Random);
        Task commit;
        GameEvent e;
        lock (_gate)
        {
            if (forPlayer is not null)
            {
                CheckPlayers([forPlayer]);
            }

            var audience = (visibility ?? "public") switch
            {
                "public" => Audience.Public,
                "party" => Audience.Party,
                "dm" => Audience.DmOnly,
                "private" when forPlayer is not null => Audience.Players(forPlayer),
                "private" => throw GameException.BadRequest("bad_request", "A private roll needs 'for': the player who sees it."),
                var other => throw GameException.BadRequest("bad_request", $"Unknown visibility '{other}': use public, party, private or dm."),
            };
            var changes = new ChangeSet();
            e = NewEvent("roll", audience);
            e.Expr = result.Expression;
            e.Total = result.Total;
            e.Rolls = [.. result.Rolls];
            e.Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
            e.For = forPlayer;
            e.Visibility = Narration.VisibilityOf(audience);
            changes.Events.Add(e);
            commit = CommitLocked(changes, []);
        }

        await commit.ConfigureAwait(false);
        return e;
    }

    /// <summary>Adds the events of a narration (main text, private parts, DM note). Lock held.</summary>
    private List<GameEvent> AddNarrationLocked(
        ChangeSet changes, string? narrative, Audience audience, IReadOnlyDictionary<string, string>? privateParts,
        string? dmOnly, string? actionId, string? actor, bool requireSomething)
    {
        if (privateParts is not null)
        {
            CheckPlayers(privateParts.Keys);
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
        var events = new List<GameEvent>();
        if (hasNarrative)
        {
            var e = NewEvent("narrative", audience);
            e.Text = narrative!.Trim();
            e.ActionId = actionId;
            e.Actor = actor;
            events.Add(e);
        }

        if (privateParts is not null)
        {
            foreach (var (playerId, text) in privateParts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                CheckLength(text, "private." + playerId);
                var e = NewEvent("private", Audience.Players(playerId));
                e.Text = text.Trim();
                e.To = [playerId];
                e.From = SeatIds.Dm;
                e.ActionId = actionId;
                events.Add(e);
            }
        }

        if (hasNote)
        {
            var e = NewEvent("dm_note", Audience.DmOnly);
            e.Text = dmOnly!.Trim();
            e.ActionId = actionId;
            events.Add(e);
        }

        changes.Events.AddRange(events);
        return events;
    }

    private void CheckPlayers(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (!_characters.ContainsKey(id))
            {
                throw GameException.BadRequest("unknown_player", $"There is no player '{id}'. Players: {string.Join(", ", _characterOrder)}.");
            }
        }
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
        if (text is not null && text.Length > _options.MaxNarrativeLength)
        {
            throw GameException.BadRequest("too_long", $"'{field}' has {text.Length} characters; the limit is {_options.MaxNarrativeLength}.");
        }
    }
}
