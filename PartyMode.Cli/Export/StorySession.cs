namespace PartyMode.Cli.Export;

/// <summary>One session of the story book: its number, when it began and its entries.</summary>
internal sealed record StorySession(int Number, DateTimeOffset? Began, List<StoryEntry> Entries);
