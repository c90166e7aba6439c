using PartyMode.Engine.Combat;
using PartyMode.Engine.Model;
using PartyMode.Engine.Storage;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

public sealed partial class Game
{
    private const int MaxCombatants = 100;
    private const int MaxConditions = 20;
    private const int MaxConditionLength = 64;

    /// <summary>The combat view for one viewer (null out of combat).</summary>
    /// <param name="viewer">Who looks.</param>
    /// <returns>The filtered view.</returns>
    public CombatView? CombatView(Viewer viewer)
    {
        lock (_gate)
        {
            return CombatViewLocked(viewer);
        }
    }

    /// <summary>
    /// Starts a turn-based fight: round 1, combatants sorted by initiative (higher first), ties broken
    /// by the higher dexterity, then by the order given. A PC's hp, max_hp and ac default to its sheet;
    /// values given for a PC are written to the sheet, which stays the one source of a PC's numbers.
    /// </summary>
    /// <param name="specs">The combatants.</param>
    /// <returns>The DM's view.</returns>
    public async Task<CombatView?> StartCombatAsync(IReadOnlyList<CombatantSpec> specs)
    {
        Task commit;
        CombatView? view;
        lock (_gate)
        {
            if (_combat is not null)
            {
                throw _combat.Active
                    ? GameException.Conflict("combat_active", "A fight is already on; end it first (POST /api/dm/combat/end).")
                    : GameException.Conflict("simultaneous_active", "A simultaneous round is open; wait for it to close or end it (POST /api/dm/combat/end).");
            }

            var combatants = BuildCombatants(specs);
            var changes = new ChangeSet();
            var notices = new List<Notice>();
            var sheetsChanged = false;
            foreach (var c in combatants.Where(c => c.Kind == CombatantKind.Pc))
            {
                var sheet = _characters[c.Id];
                if (sheet.Hp != c.Hp || sheet.MaxHp != c.MaxHp || sheet.Ac != c.Ac)
                {
                    sheet.Hp = c.Hp!.Value;
                    sheet.MaxHp = c.MaxHp!.Value;
                    sheet.Ac = c.Ac!.Value;
                    changes.Characters.Add(EngineJson.Clone(sheet));
                    notices.Add(new CharacterNotice(EngineJson.Clone(sheet)));
                    sheetsChanged = true;
                }
            }

            if (sheetsChanged)
            {
                notices.Add(new PartyNotice());
            }

            var ordered = combatants.OrderByDescending(c => c.Initiative).ThenByDescending(c => c.Dex).ThenBy(c => c.Order).ToList();
            var first = ordered.FindIndex(c => !c.IsDownNpc);
            _combat = new CombatState { Active = true, Mode = CombatMode.TurnBased, Round = 1, Combatants = ordered, Current = Math.Max(first, 0) };
            PushCombatLocked(changes, notices);
            view = Combat.CombatView.For(_combat, Viewer.Dm);
            commit = CommitLocked(changes, notices);
        }

        await commit.ConfigureAwait(false);
        return view;
    }

    /// <summary>Moves to the next combatant, skipping NPCs at 0 HP (PCs at 0 HP keep their turn); after the last, round + 1.</summary>
    /// <returns>The DM's view.</returns>
    public async Task<CombatView?> NextTurnAsync()
    {
        Task commit;
        CombatView? view;
        lock (_gate)
        {
            var state = FightLocked();
            if (state.Simultaneous is not null)
            {
                throw GameException.Conflict("simultaneous_active", "A simultaneous round is open; turns resume when it closes (everyone submitted, or the deadline passed).");
            }

            for (var step = 0; step < state.Combatants.Count; step++)
            {
                state.Current++;
                if (state.Current >= state.Combatants.Count)
                {
                    state.Current = 0;
                    state.Round++;
                }

                if (!state.Combatants[state.Current].IsDownNpc)
                {
                    break;
                }
            }

            var changes = new ChangeSet();
            var notices = new List<Notice>();
            PushCombatLocked(changes, notices);
            view = Combat.CombatView.For(_combat, Viewer.Dm);
            commit = CommitLocked(changes, notices);
        }

        await commit.ConfigureAwait(false);
        return view;
    }

    /// <summary>Changes a combatant's hp, conditions or hidden flag; a PC's hp and conditions are written to its sheet.</summary>
    /// <param name="id">The combatant id.</param>
    /// <param name="hp">New hit points (0 or more).</param>
    /// <param name="conditions">New conditions (replace the list).</param>
    /// <param name="hidden">Hide from everyone but the DM, or show.</param>
    /// <returns>The DM's view.</returns>
    public async Task<CombatView?> UpdateCombatantAsync(string id, int? hp, IReadOnlyList<string>? conditions, bool? hidden)
    {
        Task commit;
        CombatView? view;
        lock (_gate)
        {
            var state = FightLocked();
            var c = state.Combatants.Find(x => x.Id == id) ?? throw GameException.NotFound("combatant", id);
            if (hp is null && conditions is null && hidden is null)
            {
                throw GameException.BadRequest("bad_request", "Give at least one of hp, conditions or hidden.");
            }

            if (hp is < 0)
            {
                throw GameException.BadRequest("bad_combatant", "hp must be 0 or more.");
            }

            var cleaned = conditions is null ? null : CleanConditions(conditions);
            var changes = new ChangeSet();
            var notices = new List<Notice>();
            if (hp is { } newHp)
            {
                c.Hp = newHp;
                c.MaxHp ??= newHp;
            }

            if (cleaned is not null)
            {
                c.Conditions = cleaned;
            }

            if (hidden is { } h)
            {
                c.Hidden = h;
            }

            if (c.Kind == CombatantKind.Pc && (hp is not null || cleaned is not null) && _characters.TryGetValue(c.Id, out var sheet))
            {
                sheet.Hp = c.Hp ?? sheet.Hp;
                sheet.Conditions = [.. c.Conditions];
                changes.Characters.Add(EngineJson.Clone(sheet));
                notices.Add(new CharacterNotice(EngineJson.Clone(sheet)));
                notices.Add(new PartyNotice());
            }

            PushCombatLocked(changes, notices);
            view = Combat.CombatView.For(_combat, Viewer.Dm);
            commit = CommitLocked(changes, notices);
        }

        await commit.ConfigureAwait(false);
        return view;
    }

    /// <summary>Ends the fight (and any open simultaneous round, whose submitted actions go to the DM): back to exploration.</summary>
    /// <returns>Null (the DM view of no combat). Ending when nothing is on changes nothing.</returns>
    public async Task<CombatView?> EndCombatAsync()
    {
        Task commit;
        lock (_gate)
        {
            if (_combat is null)
            {
                return null;
            }

            var changes = new ChangeSet();
            var notices = new List<Notice>();
            if (_combat.Simultaneous is not null)
            {
                CloseSimultaneousLocked(changes, notices);
            }

            _combat = null;
            PushCombatLocked(changes, notices);
            commit = CommitLocked(changes, notices);
        }

        await commit.ConfigureAwait(false);
        return null;
    }

    private CombatView? CombatViewLocked(Viewer viewer) => Combat.CombatView.For(_combat, viewer);

    /// <summary>Turn gating (docs/protocol.md §5). Returns true when the action belongs to an open simultaneous round.</summary>
    private bool CheckTurnLocked(string seatId)
    {
        if (_combat is null)
        {
            return false;
        }

        if (_combat.Simultaneous is { } round)
        {
            if (!round.Players.Contains(seatId, StringComparer.Ordinal))
            {
                throw GameException.Forbidden("not_your_turn", $"A simultaneous round is open for {NamesOf(round.Players)} only; wait until it closes.");
            }

            if (round.Submitted.Contains(seatId, StringComparer.Ordinal))
            {
                throw GameException.Forbidden("already_submitted", "You have already acted this round; wait for the others.");
            }

            return true;
        }

        var current = _combat.CurrentCombatant();
        if (current is null || (current.Kind == CombatantKind.Pc && current.Id == seatId))
        {
            return false;
        }

        // A hidden combatant's turn gates everyone without saying who acts.
        throw current.Hidden
            ? GameException.Forbidden("not_your_turn", "It is not your turn; wait for the DM.")
            : GameException.Forbidden("not_your_turn", $"It is {current.Name}'s turn; wait for yours.");
    }

    partial void OnCharacterChangedLocked(Character character, ChangeSet changes, List<Notice> notices)
    {
        var c = _combat?.Combatants.Find(x => x.Kind == CombatantKind.Pc && x.Id == character.Id);
        if (c is null || (c.Hp == character.Hp && c.MaxHp == character.MaxHp && c.Ac == character.Ac && c.Conditions.SequenceEqual(character.Conditions)))
        {
            return;
        }

        c.Hp = character.Hp;
        c.MaxHp = character.MaxHp;
        c.Ac = character.Ac;
        c.Conditions = [.. character.Conditions];
        PushCombatLocked(changes, notices);
    }

    /// <summary>Stores the current state and tells every viewer (rendered per viewer by the hub).</summary>
    private void PushCombatLocked(ChangeSet changes, List<Notice> notices)
    {
        changes.CombatChanged = true;
        changes.Combat = _combat is null ? null : EngineJson.Clone(_combat);
        notices.Add(new CombatNotice(_combat is null ? null : EngineJson.Clone(_combat)));
    }

    private CombatState FightLocked() =>
        _combat is { Active: true } state ? state : throw GameException.Conflict("no_combat", "No fight is on; start one first (POST /api/dm/combat/start).");

    private string NamesOf(IEnumerable<string> playerIds) =>
        string.Join(", ", playerIds.Select(id => _characters.TryGetValue(id, out var c) ? c.Name : id));

    private List<Combatant> BuildCombatants(IReadOnlyList<CombatantSpec> specs)
    {
        if (specs.Count == 0)
        {
            throw GameException.BadRequest("bad_combatant", "Give at least one combatant.");
        }

        if (specs.Count > MaxCombatants)
        {
            throw GameException.BadRequest("bad_combatant", $"At most {MaxCombatants} combatants.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Combatant>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i] ?? throw GameException.BadRequest("bad_combatant", $"Combatant {i + 1} is empty.");
            var id = s.Id?.Trim() ?? "";
            var where = id.Length == 0 ? $"Combatant {i + 1}" : $"Combatant '{id}'";
            if (!IsCombatantId(id))
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: id must be 1 to 64 letters, digits, '-' or '_'.");
            }

            if (!seen.Add(id))
            {
                throw GameException.BadRequest("bad_combatant", $"{where} is listed twice; ids must be unique.");
            }

            var isCharacter = _characters.TryGetValue(id, out var sheet);
            var kind = s.Kind switch
            {
                null => isCharacter ? CombatantKind.Pc : CombatantKind.Npc,
                "pc" => CombatantKind.Pc,
                "npc" => CombatantKind.Npc,
                _ => throw GameException.BadRequest("bad_combatant", $"{where}: kind must be \"pc\" or \"npc\"."),
            };
            if (kind == CombatantKind.Pc && !isCharacter)
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: no character with that id. Characters: {string.Join(", ", _characterOrder)}.");
            }

            if (kind == CombatantKind.Npc && isCharacter)
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: that id is a player character's; use kind \"pc\" or another id.");
            }

            if (s.Initiative is not { } initiative)
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: initiative is required.");
            }

            CheckRange(where, "initiative", initiative, -100, 1000);
            CheckRange(where, "hp", s.Hp, 0, 100_000);
            CheckRange(where, "max_hp", s.MaxHp, 1, 100_000);
            CheckRange(where, "ac", s.Ac, 0, 100);
            CheckRange(where, "dex", s.Dex, 1, 100);
            var name = s.Name?.Trim();
            if (kind == CombatantKind.Npc && string.IsNullOrEmpty(name))
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: an NPC needs a name.");
            }

            if (name is { Length: > 100 })
            {
                throw GameException.BadRequest("bad_combatant", $"{where}: the name is over 100 characters.");
            }

            var c = new Combatant { Id = id, Kind = kind, Initiative = initiative, Hidden = s.Hidden ?? false, Order = i };
            if (kind == CombatantKind.Pc)
            {
                c.Name = string.IsNullOrEmpty(name) ? sheet!.Name : name;
                c.MaxHp = s.MaxHp ?? sheet!.MaxHp;
                c.Hp = s.Hp ?? sheet!.Hp;
                c.Ac = s.Ac ?? sheet!.Ac;
                c.Dex = s.Dex ?? sheet!.Abilities.Dex;
                c.Conditions = [.. sheet!.Conditions];
            }
            else
            {
                c.Name = name!;
                c.Hp = s.Hp ?? s.MaxHp;
                c.MaxHp = s.MaxHp ?? s.Hp;
                c.Ac = s.Ac;
                c.Dex = s.Dex ?? 10;
            }

            result.Add(c);
        }

        return result;
    }

    private static void CheckRange(string where, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw GameException.BadRequest("bad_combatant", $"{where}: {field} must be between {min} and {max}.");
        }
    }

    private static bool IsCombatantId(string id) =>
        id.Length is > 0 and <= 64 && id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');

    private static List<string> CleanConditions(IReadOnlyList<string> conditions)
    {
        var cleaned = conditions.Select(c => c?.Trim() ?? "").ToList();
        if (cleaned.Count > MaxConditions || cleaned.Any(c => c.Length is 0 or > MaxConditionLength))
        {
            throw GameException.BadRequest("bad_combatant", $"conditions: at most {MaxConditions} non-empty words of up to {MaxConditionLength} characters.");
        }

        return cleaned.Distinct(StringComparer.Ordinal).ToList();
    }
}
