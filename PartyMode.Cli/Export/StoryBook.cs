namespace PartyMode.Cli.Export;

/// <summary>A viewer's story book: exactly the events that seat may see, in order, by session.</summary>
/// <param name="Campaign">The campaign's name.</param>
/// <param name="Reader">Whose book it is, e.g. <c>Thorin (thorin)</c> or <c>the DM (full book)</c>.</param>
/// <param name="Sessions">The sessions in it (one when a session was asked for).</param>
/// <param name="Generated">When it was made.</param>
internal sealed record StoryBook(string Campaign, string Reader, IReadOnlyList<StorySession> Sessions, DateTimeOffset Generated);
