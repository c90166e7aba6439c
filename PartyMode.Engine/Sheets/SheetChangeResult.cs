using PartyMode.Engine.Model;

namespace PartyMode.Engine.Sheets;

/// <summary>What a sheet change answers: the change and, once applied, the sheet as the asker may see it.</summary>
/// <param name="Change">The change.</param>
/// <param name="Character">The sheet after it (null while the change is pending or when it was rejected).</param>
public sealed record SheetChangeResult(SheetChange Change, Character? Character)
{
    /// <summary>True while the change waits for the DM (HTTP 202).</summary>
    public bool Pending => Change.Status == SheetChangeStatus.Pending;
}
