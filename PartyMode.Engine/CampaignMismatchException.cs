namespace PartyMode.Engine;

/// <summary>The data folder holds a game of another campaign.</summary>
public sealed class CampaignMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stored">The stored campaign id.</param>
    /// <param name="requested">The requested campaign id.</param>
    public CampaignMismatchException(string stored, string requested)
        : base($"This data folder holds a game of campaign '{stored}', not '{requested}'. Use 'serve --reset' to wipe it, or another --data folder.")
    {
        StoredId = stored;
        RequestedId = requested;
    }

    /// <summary>The stored campaign id.</summary>
    public string StoredId { get; }

    /// <summary>The requested campaign id.</summary>
    public string RequestedId { get; }
}
