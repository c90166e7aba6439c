namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>One of a dm20 character's classes.</summary>
internal sealed record Dm20Class(string Name, int Level, string? HitDice, string? Subclass);
