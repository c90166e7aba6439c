namespace PartyMode.Cli.Export;

/// <summary>One line of the story book, drawn from one event's wire JSON.</summary>
/// <param name="Kind">The event type (<c>narrative</c>, <c>action</c>, <c>roll</c>…; unknown types keep theirs).</param>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Who">Whose it is, when it says (the acting character, the roller, a whisper's recipients).</param>
/// <param name="Text">Its text.</param>
/// <param name="Mark">How far it reaches when not everyone saw it: <c>private</c>, <c>DM only</c>, a roll's visibility.</param>
/// <param name="ImageUri">A handout's image as a <c>data:</c> URI.</param>
internal sealed record StoryEntry(string Kind, DateTimeOffset? Time, string? Who, string Text, string? Mark = null, string? ImageUri = null);
