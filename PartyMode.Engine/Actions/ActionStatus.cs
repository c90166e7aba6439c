namespace PartyMode.Engine.Actions;

/// <summary>The life of an action: pending → processing → resolved, or cancelled.</summary>
public enum ActionStatus
{
    /// <summary>Queued, waiting for the DM.</summary>
    Pending,

    /// <summary>Popped by the DM, being decided.</summary>
    Processing,

    /// <summary>Resolved with narrative.</summary>
    Resolved,

    /// <summary>Cancelled by the DM, or by a kick.</summary>
    Cancelled,
}
