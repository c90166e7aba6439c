namespace PartyMode.Engine.Campaigns;

/// <summary>A campaign file with problems; each names the file, the JSON path and what is wrong.</summary>
public sealed class CampaignException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Lines like <c>campaign.json: $.characters[2].hp: must be 0 or more</c>.</param>
    public CampaignException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
