using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Protocol;

/// <summary>
/// Who a handout is shown to (docs/protocol.md §9.2): narrate's words (<c>public</c>, <c>party</c>, <c>dm</c>, a
/// list of player ids) and <c>tv</c>, the observer screens only (with the DM).
/// </summary>
internal static class HandoutAudience
{
    public const string Tv = "tv";

    /// <summary>The audience from a body's <c>audience</c>; null when absent (the engine's default, public).</summary>
    public static Audience? From(JsonNode? node)
    {
        if (node?.GetValueKind() == JsonValueKind.String && node.GetValue<string>() == Tv)
        {
            return Audience.Tv;
        }

        try
        {
            return AudienceWords.NarrativeAudience(node);
        }
        catch (GameException ex) when (ex.Code == "bad_request")
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request",
                "'audience' is \"public\", \"party\", \"dm\", \"tv\" (the TV only) or a list of player ids like [\"thorin\"].");
        }
    }
}
