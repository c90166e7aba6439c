namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>What the conversion of one dm20 record left behind or changed.</summary>
/// <param name="Kind"><c>character</c>, <c>npc</c>, <c>location</c> or <c>campaign</c>.</param>
/// <param name="Name">The record's name.</param>
/// <param name="Id">The PartyMode id it got.</param>
/// <param name="SourceId">The dm20 id (kept as <c>source_id</c>).</param>
internal sealed record Dm20ReportEntry(string Kind, string Name, string Id, string? SourceId)
{
    /// <summary>dm20 fields not carried over, as <c>key</c> or <c>key (what)</c>.</summary>
    public List<string> NotCarried { get; } = [];

    /// <summary>Values changed to fit PartyMode (clamped HP, over-used slots…).</summary>
    public List<string> Adjusted { get; } = [];
}
