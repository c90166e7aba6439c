using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Model;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Combat;

/// <summary>
/// Turn-based combat: initiative order, whose turn it is, combatants' numbers (a PC's are its sheet's),
/// and the end of a fight (which also closes an open simultaneous round).
/// </summary>
internal sealed class TurnOrder(TableState table, Roster roster, SimultaneousRounds rounds)
{
    public CombatView? View(Viewer viewer) => CombatView.For(table.Combat, viewer);

    /// <summary>
    /// Starts a fight: round 1, combatants sorted by initiative (higher first), ties broken by the higher
    /// dexterity, then by the order given. A PC's hp, max_hp and ac default to its sheet; values given for
    /// a PC are written to the sheet, which stays the one source of a PC's numbers.
    /// </summary>
    public CombatView? Start(Transaction tx, IReadOnlyList<CombatantSpec> specs)
    {
        if (table.Combat is not null)
        {
            throw table.Combat.Active
                ? GameException.Conflict("combat_active", "A fight is already on; end it first.")
                : GameException.Conflict("simultaneous_active", "A simultaneous round is open; wait for it to close or end it first.");
        }

        var combatants = CombatantBuilder.Build(table, specs);
        var sheetsChanged = false;
        foreach (var c in combatants.Where(c => c.Kind == CombatantKind.Pc))
        {
            var sheet = table.Characters[c.Id];
            if (sheet.Hp != c.Hp || sheet.MaxHp != c.MaxHp || sheet.Ac != c.Ac)
            {
                sheet.Hp = c.Hp!.Value;
                sheet.MaxHp = c.MaxHp!.Value;
                sheet.Ac = c.Ac!.Value;
                tx.Notify(new CharacterNotice(tx.Store(sheet)));
                sheetsChanged = true;
            }
        }

        if (sheetsChanged)
        {
            roster.Notify(tx);
        }

        var ordered = combatants.OrderByDescending(c => c.Initiative).ThenByDescending(c => c.Dex).ThenBy(c => c.Order).ToList();
        var first = ordered.FindIndex(c => !c.IsDownNpc);
        table.Combat = new CombatState { Active = true, Mode = CombatMode.TurnBased, Round = 1, Combatants = ordered, Current = Math.Max(first, 0) };
        return Pushed(tx);
    }

    /// <summary>Moves to the next combatant, skipping NPCs at 0 HP (PCs at 0 HP keep their turn); after the last, round + 1.</summary>
    public CombatView? Next(Transaction tx)
    {
        var state = Fight();
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

        return Pushed(tx);
    }

    /// <summary>Changes a combatant's hp, conditions or hidden flag; a PC's hp and conditions are written to its sheet.</summary>
    public CombatView? Update(Transaction tx, string id, int? hp, IReadOnlyList<string>? conditions, bool? hidden)
    {
        var state = Fight();
        var c = state.Combatants.Find(x => x.Id == id) ?? throw GameException.NotFound("combatant", id);
        if (hp is null && conditions is null && hidden is null)
        {
            throw GameException.BadRequest("bad_request", "Give at least one of hp, conditions or hidden.");
        }

        if (hp is < 0)
        {
            throw GameException.BadRequest("bad_combatant", "hp must be 0 or more.");
        }

        var cleaned = conditions is null ? null : CombatantBuilder.CleanConditions(conditions);
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

        if (c.Kind == CombatantKind.Pc && (hp is not null || cleaned is not null) && table.Characters.TryGetValue(c.Id, out var sheet))
        {
            sheet.Hp = c.Hp ?? sheet.Hp;
            sheet.Conditions = [.. c.Conditions];
            tx.Notify(new CharacterNotice(tx.Store(sheet)));
            roster.Notify(tx);
        }

        return Pushed(tx);
    }

    /// <summary>Ends the fight (and any open simultaneous round, whose submitted actions go to the DM). Ending when nothing is on changes nothing.</summary>
    public void End(Transaction tx)
    {
        if (table.Combat is null)
        {
            return;
        }

        if (table.Combat.Simultaneous is not null)
        {
            rounds.Close(tx);
        }

        table.Combat = null;
        tx.StoreCombat(null);
    }

    /// <summary>Turn gating outside simultaneous rounds: refuses a player whose turn it is not.</summary>
    public void Admit(string seatId)
    {
        var current = table.Combat?.CurrentCombatant();
        if (current is null || (current.Kind == CombatantKind.Pc && current.Id == seatId))
        {
            return;
        }

        // A hidden combatant's turn gates everyone without saying who acts.
        throw current.Hidden
            ? GameException.Forbidden("not_your_turn", "It is not your turn; wait for the DM.")
            : GameException.Forbidden("not_your_turn", $"It is {current.Name}'s turn; wait for yours.");
    }

    /// <summary>A sheet changed: a PC in the fight takes its numbers.</summary>
    public void SheetChanged(Transaction tx, Character character)
    {
        var c = table.Combat?.Combatants.Find(x => x.Kind == CombatantKind.Pc && x.Id == character.Id);
        if (c is null || (c.Hp == character.Hp && c.MaxHp == character.MaxHp && c.Ac == character.Ac && c.Conditions.SequenceEqual(character.Conditions)))
        {
            return;
        }

        c.Hp = character.Hp;
        c.MaxHp = character.MaxHp;
        c.Ac = character.Ac;
        c.Conditions = [.. character.Conditions];
        tx.StoreCombat(table.Combat);
    }

    private CombatView? Pushed(Transaction tx)
    {
        tx.StoreCombat(table.Combat);
        return CombatView.For(table.Combat, Viewer.Dm);
    }

    private CombatState Fight() =>
        table.Combat is { Active: true } state ? state : throw GameException.Conflict("no_combat", "No fight is on; start one first.");
}
