using PartyMode.Engine.Actions;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

public sealed partial class Game
{
    private const int MaxRoundSeconds = 86_400;

    private ITimer? _roundTimer;

    /// <summary>
    /// Opens a simultaneous round (docs/protocol.md §5.3), in combat or out of it: each listed player may submit
    /// one action; the actions are held from the DM until everyone has submitted or the deadline
    /// passes, then handed over in initiative order (out of combat: submission order).
    /// </summary>
    /// <param name="prompt">What the DM asks the players.</param>
    /// <param name="timeoutSeconds">Seconds until the round closes anyway (1 to 86,400).</param>
    /// <param name="players">Who may act; default every player seat (in combat: every PC combatant); kicked seats are left out.</param>
    /// <returns>The DM's view.</returns>
    public async Task<CombatView?> SimultaneousRoundAsync(string? prompt, int timeoutSeconds = 300, IReadOnlyList<string>? players = null)
    {
        Task commit;
        CombatView? view;
        lock (_gate)
        {
            if (_combat?.Simultaneous is not null)
            {
                throw GameException.Conflict("simultaneous_active", "A simultaneous round is already open; it closes when everyone has submitted or at its deadline.");
            }

            var text = prompt?.Trim() ?? "";
            if (text.Length == 0 || text.Length > _options.MaxNarrativeLength)
            {
                throw GameException.BadRequest("bad_request", $"prompt must be 1 to {_options.MaxNarrativeLength} characters: tell the players what to decide.");
            }

            if (timeoutSeconds is < 1 or > MaxRoundSeconds)
            {
                throw GameException.BadRequest("bad_request", $"timeout_seconds must be between 1 and {MaxRoundSeconds}.");
            }

            var listed = RoundPlayersLocked(players);
            var state = _combat ?? new CombatState { Active = false, Round = 0 };
            state.Mode = CombatMode.Simultaneous;
            state.Simultaneous = new SimultaneousRound
            {
                Prompt = text,
                Deadline = _time.GetUtcNow().AddSeconds(timeoutSeconds),
                Players = listed,
            };
            _combat = state;
            ArmRoundTimerLocked(state.Simultaneous);
            var changes = new ChangeSet();
            var notices = new List<Notice>();
            PushCombatLocked(changes, notices);
            view = Combat.CombatView.For(_combat, Viewer.Dm);
            commit = CommitLocked(changes, notices);
        }

        await commit.ConfigureAwait(false);
        return view;
    }

    /// <summary>Called by the core for a held action: records it and closes the round when everyone has submitted.</summary>
    private void RecordSimultaneousSubmissionLocked(GameAction action, ChangeSet changes, List<Notice> notices)
    {
        var round = _combat!.Simultaneous!;
        round.Submitted.Add(action.PlayerId);
        round.ActionIds.Add(action.Id);
        PushCombatLocked(changes, notices);
        if (round.Players.All(p => round.Submitted.Contains(p, StringComparer.Ordinal)))
        {
            CloseSimultaneousLocked(changes, notices);
        }
    }

    partial void RestoreCombat()
    {
        lock (_gate)
        {
            if (_combat?.Simultaneous is { } round)
            {
                // A deadline that passed while the daemon was down closes the round right away.
                ArmRoundTimerLocked(round);
            }
        }
    }

    partial void OnSeatKickedLocked(string seatId, ChangeSet changes, List<Notice> notices)
    {
        if (_combat?.Simultaneous is not { } round || !round.Players.Remove(seatId))
        {
            return;
        }

        // The kick cancelled its held action; the round no longer waits for it.
        round.Submitted.Remove(seatId);
        round.ActionIds.RemoveAll(id => _actions.TryGetValue(id, out var a) && a.PlayerId == seatId);
        PushCombatLocked(changes, notices);
        if (round.Players.All(p => round.Submitted.Contains(p, StringComparer.Ordinal)))
        {
            CloseSimultaneousLocked(changes, notices);
        }
    }

    private List<string> RoundPlayersLocked(IReadOnlyList<string>? players)
    {
        List<string> listed;
        if (players is not null)
        {
            listed = players.Select(p => p?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
            var unknown = listed.Where(p => !_characters.ContainsKey(p)).ToList();
            if (unknown.Count > 0)
            {
                throw GameException.BadRequest("bad_request", $"Unknown player id(s): {string.Join(", ", unknown)}. Players: {string.Join(", ", _characterOrder)}.");
            }
        }
        else if (_combat is { Active: true } fight)
        {
            listed = fight.Combatants.Where(c => c.Kind == CombatantKind.Pc && !SeatOf(c.Id).Kicked).Select(c => c.Id).ToList();
        }
        else
        {
            listed = _characterOrder.Where(id => _seats.TryGetValue(id, out var s) && s.Role == Role.Player && !s.Kicked).ToList();
        }

        return listed.Count > 0
            ? listed
            : throw GameException.BadRequest("bad_request", "No player could act in this round; list at least one player who is not kicked.");
    }

    /// <summary>Releases the round's held actions to the DM's queue in order, tells everyone who did not act, and returns to the previous mode.</summary>
    private void CloseSimultaneousLocked(ChangeSet changes, List<Notice> notices)
    {
        var state = _combat!;
        var round = state.Simultaneous!;
        var held = round.ActionIds
            .Select(id => _actions.TryGetValue(id, out var a) ? a : null)
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
            _pending[a.QueueKey] = a;
            changes.Actions.RemoveAll(x => x.Id == a.Id);
            changes.Actions.Add(CloneAction(a));
        }

        if (ordered.Count > 0)
        {
            SignalPendingLocked();
        }

        var missing = round.Players.Where(p => !round.Submitted.Contains(p, StringComparer.Ordinal)).ToList();
        var line = missing.Count == 0
            ? "The round is closed: everyone has acted."
            : $"The round is closed: {NamesOf(missing)} did not act.";
        notices.Add(new SystemNotice(line, Audience.Public));

        state.Simultaneous = null;
        if (state.Active)
        {
            state.Mode = CombatMode.TurnBased;
        }
        else
        {
            _combat = null;
        }

        _roundTimer?.Dispose();
        _roundTimer = null;
        PushCombatLocked(changes, notices);
    }

    private static int InitiativeIndex(CombatState state, string playerId)
    {
        var index = state.Combatants.FindIndex(c => c.Kind == CombatantKind.Pc && c.Id == playerId);
        return index < 0 ? int.MaxValue : index;
    }

    private void ArmRoundTimerLocked(SimultaneousRound round)
    {
        _roundTimer?.Dispose();
        var due = round.Deadline - _time.GetUtcNow();
        _roundTimer = _time.CreateTimer(
            static s =>
            {
                var (game, r) = ((Game, SimultaneousRound))s!;
                game.OnRoundDeadline(r);
            },
            (this, round),
            due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    private void OnRoundDeadline(SimultaneousRound round)
    {
        lock (_gate)
        {
            // A round that already closed (everyone submitted, ended, or replaced) is not touched.
            if (!ReferenceEquals(_combat?.Simultaneous, round) || _storeFault is not null)
            {
                return;
            }

            var changes = new ChangeSet();
            var notices = new List<Notice>();
            CloseSimultaneousLocked(changes, notices);

            try
            {
                // Nobody awaits this commit; a write failure is recorded by CommitLocked and refuses later writes.
                _ = CommitLocked(changes, notices);
            }
            catch (Exception)
            {
                // A timer thread has no one to tell (e.g. the store was closed at shutdown); the stored round reopens on restart.
            }
        }
    }
}
