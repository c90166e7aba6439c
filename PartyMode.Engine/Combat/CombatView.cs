using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Combat;

/// <summary>
/// The combat state as one viewer may see it, in typed values (the host writes the wire form).
/// Build it only with <see cref="For"/>: that is where the per-viewer rules live.
/// </summary>
public sealed class CombatView
{
    // Each piece of combat information has an audience; VisibilityRules.CanSee decides, as for events.
    private static readonly Audience NamesAndOrder = Audience.Public;
    private static readonly Audience PartyStats = Audience.Party;
    private static readonly Audience DmSecrets = Audience.DmOnly;

    /// <summary>True while a fight or a simultaneous round is on.</summary>
    public bool Active { get; set; }

    /// <summary>True during a fight; false for a simultaneous round opened out of combat.</summary>
    public bool InCombat { get; set; }

    /// <summary>Turn-based, or a simultaneous round.</summary>
    public CombatMode Mode { get; set; } = CombatMode.TurnBased;

    /// <summary>The round, from 1 (0 for a simultaneous round out of combat).</summary>
    public int Round { get; set; }

    /// <summary>The id of the combatant whose turn it is; null in a simultaneous round, or when the viewer may not see it.</summary>
    public string? CurrentTurn { get; set; }

    /// <summary>True when this viewer may act now (the DM: on an NPC's turn).</summary>
    public bool YourTurn { get; set; }

    /// <summary>The combatants this viewer may see, in initiative order.</summary>
    public List<CombatantView> Initiative { get; set; } = [];

    /// <summary>The next PC after the current turn in initiative order, skipping hidden and down combatants; null in a simultaneous round or when there is none.</summary>
    public string? OnDeck { get; set; }

    /// <summary>The simultaneous round's prompt.</summary>
    public string? Prompt { get; set; }

    /// <summary>The simultaneous round's deadline.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>Player ids that have submitted in the simultaneous round.</summary>
    public List<string>? Submitted { get; set; }

    /// <summary>Player ids the simultaneous round still waits for.</summary>
    public List<string>? WaitingFor { get; set; }

    /// <summary>
    /// Renders a state for one viewer. Pure: the host calls it once per seat with the snapshot a
    /// <see cref="CombatNotice"/> carries.
    /// </summary>
    /// <param name="state">The stored state (null: exploration).</param>
    /// <param name="viewer">Who looks.</param>
    /// <returns>The view, or null out of combat.</returns>
    public static CombatView? For(CombatState? state, Viewer viewer)
    {
        if (state is null)
        {
            return null;
        }

        var current = state.CurrentCombatant();
        var view = new CombatView
        {
            Active = true,
            InCombat = state.Active,
            Mode = state.Mode,
            Round = state.Round,
            CurrentTurn = current is not null && VisibilityRules.CanSee(viewer, AudienceOf(current)) ? current.Id : null,
            YourTurn = IsYourTurn(state, current, viewer),
            OnDeck = current is not null && state.Simultaneous is null ? OnDeckOf(state) : null,
        };

        foreach (var c in state.Combatants)
        {
            if (VisibilityRules.CanSee(viewer, AudienceOf(c)))
            {
                view.Initiative.Add(Entry(c, viewer));
            }
        }

        if (state.Simultaneous is { } round)
        {
            view.Prompt = round.Prompt;
            view.Deadline = round.Deadline;
            view.Submitted = [.. round.Submitted];
            view.WaitingFor = round.Players.Where(p => !round.Submitted.Contains(p, StringComparer.Ordinal)).ToList();
        }

        return view;
    }

    /// <summary>Healthy, bloodied (at or under half its maximum) or down (0 HP or less).</summary>
    /// <param name="c">The combatant.</param>
    /// <returns>The status.</returns>
    public static CombatantStatus StatusOf(Combatant c) => c.Hp switch
    {
        null => CombatantStatus.Healthy,
        <= 0 => CombatantStatus.Down,
        { } hp when c.MaxHp is { } max && hp * 2 <= max => CombatantStatus.Bloodied,
        _ => CombatantStatus.Healthy,
    };

    private static Audience AudienceOf(Combatant c) => c.Hidden ? DmSecrets : NamesAndOrder;

    private static CombatantView Entry(Combatant c, Viewer viewer)
    {
        var entry = new CombatantView
        {
            Id = c.Id,
            Name = c.Name,
            Kind = c.Kind,
            Initiative = c.Initiative,
        };

        // Healthy / bloodied / down is public (the TV's initiative ribbon shows it); conditions are what the party sees of everyone.
        entry.Status = StatusOf(c);
        if (VisibilityRules.CanSee(viewer, PartyStats))
        {
            entry.Conditions = [.. c.Conditions];
        }

        // Exact numbers: a PC's are party knowledge, an NPC's are the DM's secret.
        if (VisibilityRules.CanSee(viewer, c.Kind == CombatantKind.Pc ? PartyStats : DmSecrets))
        {
            entry.Hp = c.Hp;
            entry.MaxHp = c.MaxHp;
            entry.Ac = c.Ac;
        }

        if (VisibilityRules.CanSee(viewer, DmSecrets))
        {
            entry.Hidden = c.Hidden;
            entry.Dex = c.Dex;
        }

        return entry;
    }

    private static string? OnDeckOf(CombatState state)
    {
        var n = state.Combatants.Count;
        for (var step = 1; step < n; step++)
        {
            var c = state.Combatants[(state.Current + step) % n];
            if (c.Kind == CombatantKind.Pc && !c.Hidden && StatusOf(c) != CombatantStatus.Down)
            {
                return c.Id;
            }
        }

        return null;
    }

    private static bool IsYourTurn(CombatState state, Combatant? current, Viewer viewer)
    {
        if (state.Simultaneous is { } round)
        {
            return viewer.Role == Role.Player
                && round.Players.Contains(viewer.SeatId, StringComparer.Ordinal)
                && !round.Submitted.Contains(viewer.SeatId, StringComparer.Ordinal);
        }

        return current is not null && viewer.Role switch
        {
            Role.Player => current.Kind == CombatantKind.Pc && current.Id == viewer.SeatId,
            Role.Dm => current.Kind == CombatantKind.Npc,
            _ => false,
        };
    }
}
