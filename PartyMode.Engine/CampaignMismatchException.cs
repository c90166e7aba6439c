namespace PartyMode.Engine;

/// <summary>The store holds a game of another campaign.</summary>
public sealed class CampaignMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stored">The stored campaign id.</param>
    /// <param name="requested">The requested campaign id.</param>
    public CampaignMismatchException(string stored, string requested)
        : base($"The stored game is of campaign '{stored}', not '{requested}'.")
    {
        StoredId = stored;
        RequestedId = requested;
    }

    /// <summary>The stored campaign id.</summary>
    public string StoredId { get; }

    /// <summary>The requested campaign id.</summary>
    public string RequestedId { get; }
}
