using PartyMode.Cli.Handouts;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Export;

/// <summary>The stored handout images for the story book (docs/protocol.md §10.1), by the same rule as <c>GET /api/handouts/{id}/image</c>.</summary>
internal sealed class HandoutImages(Game game, HandoutFiles files) : IHandoutImages
{
    public string? DataUri(string handoutId, Viewer viewer)
    {
        var handout = game.Handouts.ImageFor(viewer, handoutId);
        var bytes = handout is null ? null : files.Read(handout);
        return bytes is null ? null : $"data:{handout!.Type};base64,{Convert.ToBase64String(bytes)}";
    }
}
