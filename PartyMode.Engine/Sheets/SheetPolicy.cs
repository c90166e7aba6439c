namespace PartyMode.Engine.Sheets;

/// <summary>
/// Which sheet fields players change freely and which wait for the DM (docs/protocol.md §8.2); every other
/// field is the DM's only. A campaign's <c>sheet_policy</c> replaces the default list it names.
/// </summary>
public sealed class SheetPolicy
{
    /// <summary>The default free fields.</summary>
    public static readonly IReadOnlyList<string> DefaultFree = ["hp", "temp_hp", "spell_slots", "hit_dice", "death_saves", "notes"];

    /// <summary>The default fields that need approval.</summary>
    public static readonly IReadOnlyList<string> DefaultApproval = ["inventory", "coins", "conditions"];

    /// <summary>The default policy.</summary>
    public static SheetPolicy Default => new() { Free = [.. DefaultFree], Approval = [.. DefaultApproval] };

    /// <summary>Fields players change at once.</summary>
    public List<string> Free { get; set; } = [];

    /// <summary>Fields players change with the DM's approval.</summary>
    public List<string> Approval { get; set; } = [];

    /// <summary>How a player may change <paramref name="field"/>.</summary>
    /// <param name="field">A sheet field (snake_case).</param>
    /// <returns>Free, approval or DM only.</returns>
    public SheetAccess AccessOf(string field) =>
        Free.Contains(field, StringComparer.Ordinal) ? SheetAccess.Free
        : Approval.Contains(field, StringComparer.Ordinal) ? SheetAccess.Approval
        : SheetAccess.DmOnly;
}
