using System.Text.Json.Nodes;
using PartyMode.Engine.Combat;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Sheets;

/// <summary>
/// The living character sheet (docs/protocol.md §8.2): players' changes under the campaign's policy, the DM's
/// changes, approvals, rests and combatants' damage, each one write under the game's one lock, acknowledged
/// only once durable.
/// </summary>
public sealed class GameSheets
{
    private readonly TableWriter _writer;
    private readonly SheetChangeBook _changes;
    private readonly SheetRests _rests;
    private readonly CombatantHealth _health;
    private readonly TableState _table;

    internal GameSheets(TableWriter writer, TableState table, SheetChangeBook changes, SheetRests rests, CombatantHealth health)
    {
        _writer = writer;
        _table = table;
        _changes = changes;
        _rests = rests;
        _health = health;
    }

    /// <summary>The campaign's policy (the defaults when it has none).</summary>
    public SheetPolicy Policy => _writer.Read(() => _changes.Policy);

    /// <summary>A player changes their own sheet: all free ops are applied at once, any op needing approval holds the whole change for the DM.</summary>
    /// <param name="viewer">The player (observers get 403, another seat's sheet 404).</param>
    /// <param name="id">The character id (the player's own).</param>
    /// <param name="ops">The <c>ops</c> list as sent.</param>
    /// <param name="clientId">The idempotency key: the same key again answers the first change.</param>
    /// <returns>The change and, once applied, the sheet.</returns>
    public Task<SheetChangeResult> RequestAsync(Viewer viewer, string id, JsonNode? ops, string? clientId) =>
        _writer.WriteAsync(tx => _changes.Request(tx, viewer, id, ops, clientId));

    /// <summary>The DM applies ops to any sheet, without the policy.</summary>
    public Task<SheetChangeResult> DmChangeAsync(string id, JsonNode? ops) => _writer.WriteAsync(tx => _changes.DmChange(tx, id, ops));

    /// <summary>Approves a pending change: it is applied now (409 <c>change_stale</c> when the sheet no longer allows it).</summary>
    public Task<SheetChangeResult> ApproveAsync(string id) => _writer.WriteAsync(tx => _changes.Approve(tx, id));

    /// <summary>Rejects a pending change; nothing is applied and the player is told <paramref name="reason"/>.</summary>
    public Task<SheetChangeResult> RejectAsync(string id, string? reason) => _writer.WriteAsync(tx => _changes.Reject(tx, id, reason));

    /// <summary>One player change (DM).</summary>
    public SheetChange GetChange(string id) => _writer.Read(() => _changes.Get(id));

    /// <summary>Players' changes, oldest first, optionally of one status (DM).</summary>
    public IReadOnlyList<SheetChange> ListChanges(SheetChangeStatus? status) => _writer.Read(() => _changes.List(status));

    /// <summary>The pending changes a viewer may know of: the player's own, all for the DM, none for observers.</summary>
    public IReadOnlyList<SheetChange> PendingFor(Viewer viewer) => _writer.Read(() => _changes.PendingFor(viewer));

    /// <summary>A short or long rest for the given PCs (default every PC), one sheet change each.</summary>
    public Task<IReadOnlyList<SheetChangeResult>> RestAsync(string? kind, IReadOnlyList<string>? players) =>
        _writer.WriteAsync(tx => _rests.Rest(tx, kind, players));

    /// <summary>Damage (or healing) to a combatant: a PC's through its sheet, an NPC's on its HP.</summary>
    /// <returns>The combatant (DM view of its numbers), the PC's sheet change if any, a sentence, and the combat view.</returns>
    public async Task<(Combatant Combatant, SheetChangeResult? Sheet, string Summary, CombatView? Combat)> CombatantHpAsync(string id, int? amount, bool heal)
    {
        return await _writer.WriteAsync(tx =>
        {
            var (combatant, sheet, summary) = _health.Change(tx, id, amount, heal);
            return (combatant, sheet, summary, CombatView.For(_table.Combat, Viewer.Dm));
        }).ConfigureAwait(false);
    }
}
