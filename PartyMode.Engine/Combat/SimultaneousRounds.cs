using PartyMode.Engine.Actions;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Combat;

/// <summary>
/// Simultaneous rounds, in combat or out of it: each listed player may submit one action; the actions
/// are held from the DM until everyone has submitted or the deadline passes, then handed over in
/// initiative order (out of combat: submission order).
/// </summary>
internal sealed class SimultaneousRounds(TableState table, GameOptions options, RoundTimer timer)
{
    private const int MaxRoundSeconds = 86_400;

    /// <summary>Opens a round.</summary>
    /// <param name="tx">The write.</param>
    /// <param name="prompt">What the DM asks the players.</param>
    /// <param name="timeoutSeconds">Seconds until the round closes anyway (1 to 86,400).</param>
    /// <param name="players">Who may act; default every player seat (in combat: every PC combatant); kicked seats are left out.</param>
    /// <returns>The DM's view.</returns>
    public CombatView? Open(Transaction tx, string? prompt, int timeoutSeconds, IReadOnlyList<string>? players)
    {
        if (table.Combat?.Simultaneous is not null)
        {
            throw GameException.Conflict("simultaneous_active", "A simultaneous round is already open; it closes when everyone has submitted or at its deadline.");
        }

        var text = prompt?.Trim() ?? "";
        if (text.Length == 0 || text.Length > options.MaxNarrativeLength)
        {
            throw GameException.BadRequest("bad_request", $"prompt must be 1 to {options.MaxNarrativeLength} characters: tell the players what to decide.");
        }

        if (timeoutSeconds is < 1 or > MaxRoundSeconds)
        {
            throw GameException.BadRequest("bad_request", $"timeout_seconds must be between 1 and {MaxRoundSeconds}.");
        }

        var listed = RoundPlayers(players);
        var state = table.Combat ?? new CombatState { Active = false, Round = 0 };
        state.Mode = CombatMode.Simultaneous;
        state.Simultaneous = new SimultaneousRound { Prompt = text, Deadline = tx.Now.AddSeconds(timeoutSeconds), Players = listed };
        table.Combat = state;
        timer.Arm(state.Simultaneous);
        tx.StoreCombat(table.Combat);
        return CombatView.For(table.Combat, Viewer.Dm);
    }

    /// <summary>After a restart: re-arms a stored round (a deadline that passed while the game was closed fires at once).</summary>
    public void Restore()
    {
        if (table.Combat?.Simultaneous is { } round)
        {
            timer.Arm(round);
        }
    }

    /// <summary>Turn gating for a round: true when the player's action belongs to the open round (it is held), false when none is open.</summary>
    public bool Admit(string seatId)
    {
        if (table.Combat?.Simultaneous is not { } round)
        {
            return false;
        }

        if (!round.Players.Contains(seatId, StringComparer.Ordinal))
        {
            throw GameException.Forbidden("not_your_turn", $"A simultaneous round is open for {table.NamesOf(round.Players)} only; wait until it closes.");
        }

        if (round.Submitted.Contains(seatId, StringComparer.Ordinal))
        {
            throw GameException.Forbidden("already_submitted", "You have already acted this round; wait for the others.");
        }

        return true;
    }

    /// <summary>Records a held action and closes the round when everyone has submitted.</summary>
    public void RecordSubmission(Transaction tx, GameAction action)
    {
        var round = table.Combat!.Simultaneous!;
        round.Submitted.Add(action.PlayerId);
        round.ActionIds.Add(action.Id);
        tx.StoreCombat(table.Combat);
        CloseIfComplete(tx, round);
    }

    /// <summary>A kicked seat leaves the round (its held action was cancelled); the round no longer waits for it.</summary>
    public void SeatKicked(Transaction tx, string seatId)
    {
        if (table.Combat?.Simultaneous is not { } round || !round.Players.Remove(seatId))
        {
            return;
        }

        round.Submitted.Remove(seatId);
        round.ActionIds.RemoveAll(id => table.Actions.TryGetValue(id, out var a) && a.PlayerId == seatId);
        tx.StoreCombat(table.Combat);
        CloseIfComplete(tx, round);
    }

    /// <summary>True while <paramref name="round"/> is the open round (a deadline of an older one is ignored).</summary>
    public bool IsOpen(SimultaneousRound round) => ReferenceEquals(table.Combat?.Simultaneous, round);

    /// <summary>Releases the round's held actions to the DM's queue in order, tells everyone who did not act, and returns to the previous mode.</summary>
    public void Close(Transaction tx)
    {
        var state = table.Combat!;
        var round = state.Simultaneous!;
        var held = round.ActionIds
            .Select(id => table.Actions.TryGetValue(id, out var a) ? a : null)
            .OfType<GameAction>()
            .Where(a => a.Held && a.Status == ActionStatus.Pending)
            .ToList();
        var ordered = state.Active
            ? held.OrderBy(a => InitiativeIndex(state, a.PlayerId)).ThenBy(a => a.Number).ToList()
            : held.OrderBy(a => a.Number).ToList();

        // Reuse the actions' own queue keys, sorted: they slot into the queue without colliding with anything else.
        var keys = held.Select(a => a.QueueKey).Order().ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            a.QueueKey = keys[i];
            a.Held = false;
            table.Pending.Add(a);
            tx.Store(a);
        }

        if (ordered.Count > 0)
        {
            table.Pending.Signal();
        }

        var missing = round.Players.Where(p => !round.Submitted.Contains(p, StringComparer.Ordinal)).ToList();
        var line = missing.Count == 0
            ? "The round is closed: everyone has acted."
            : $"The round is closed: {table.NamesOf(missing)} did not act.";
        tx.Notify(new SystemNotice(line, Audience.Public));

        state.Simultaneous = null;
        if (state.Active)
        {
            state.Mode = CombatMode.TurnBased;
        }
        else
        {
            table.Combat = null;
        }

        timer.Dispose();
        tx.StoreCombat(table.Combat);
    }

    private void CloseIfComplete(Transaction tx, SimultaneousRound round)
    {
        if (round.Players.All(p => round.Submitted.Contains(p, StringComparer.Ordinal)))
        {
            Close(tx);
        }
    }

    private List<string> RoundPlayers(IReadOnlyList<string>? players)
    {
        List<string> listed;
        if (players is not null)
        {
            listed = players.Select(p => p?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
            var unknown = listed.Where(p => !table.Characters.ContainsKey(p)).ToList();
            if (unknown.Count > 0)
            {
                throw GameException.BadRequest("bad_request", $"Unknown player id(s): {string.Join(", ", unknown)}. Players: {string.Join(", ", table.CharacterOrder)}.");
            }
        }
        else if (table.Combat is { Active: true } fight)
        {
            listed = fight.Combatants.Where(c => c.Kind == CombatantKind.Pc && !table.SeatOf(c.Id).Kicked).Select(c => c.Id).ToList();
        }
        else
        {
            listed = table.CharacterOrder.Where(id => table.Seats.TryGetValue(id, out var s) && s.Role == Role.Player && !s.Kicked).ToList();
        }

        return listed.Count > 0
            ? listed
            : throw GameException.BadRequest("bad_request", "No player could act in this round; list at least one player who is not kicked.");
    }

    private static int InitiativeIndex(CombatState state, string playerId)
    {
        var index = state.Combatants.FindIndex(c => c.Kind == CombatantKind.Pc && c.Id == playerId);
        return index < 0 ? int.MaxValue : index;
    }
}
