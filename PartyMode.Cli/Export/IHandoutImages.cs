using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Export;

/// <summary>A handout's image for the story book (docs/protocol.md §10.1): the HTML export embeds it as a <c>data:</c> URI.</summary>
internal interface IHandoutImages
{
    /// <summary>The image of <paramref name="handoutId"/> as <c>data:image/…;base64,…</c>, or null when it has none (or <paramref name="viewer"/> may not see it).</summary>
    string? DataUri(string handoutId, Viewer viewer);
}
