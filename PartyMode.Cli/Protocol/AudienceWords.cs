using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Protocol;

/// <summary>
/// The words that say who sees a narrative, a whisper or a roll, parsed in one place for the DM API and the
/// MCP tools: narrate and resolve take <c>public</c>, <c>party</c>, <c>dm</c> or a list of player ids; a
/// whisper takes a list of player ids; a roll's visibility is <c>public</c>, <c>party</c>, <c>private</c> or <c>dm</c>.
/// </summary>
internal static class AudienceWords
{
    public const string Public = "public";
    public const string Party = "party";
    public const string Dm = "dm";
    public const string Private = "private";

    /// <summary>A narrative's audience from the request body's <c>audience</c>; null when absent (the engine's default).</summary>
    public static Audience? NarrativeAudience(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            if (array.Any(n => n?.GetValueKind() != JsonValueKind.String) || array.Count == 0)
            {
                throw new GameException(ErrorKind.BadRequest, "bad_request", "'audience' as a list names at least one player id.");
            }

            return Audience.Players(array.Select(n => n!.GetValue<string>()));
        }

        return (node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : "") switch
        {
            Public => Audience.Public,
            Party => Audience.Party,
            Dm => Audience.DmOnly,
            _ => throw new GameException(ErrorKind.BadRequest, "bad_request", "'audience' is \"public\", \"party\", \"dm\" or a list of player ids."),
        };
    }

    /// <summary>A whisper's recipients from the request body's <c>to</c>: a list of player ids (absent is none).</summary>
    public static List<string> Recipients(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array || array.Any(n => n?.GetValueKind() != JsonValueKind.String))
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", "'to' must be a list of strings.");
        }

        return array.Select(n => n!.GetValue<string>()).ToList();
    }

    /// <summary>The canonical audience word for loosely typed input (" Party " is party); null when it is not one.</summary>
    public static string? NarrativeWord(string text)
    {
        var word = text.Trim().ToLowerInvariant();
        return word is Public or Party or Dm ? word : null;
    }

    /// <summary>A roll's visibility word for loosely typed input: trimmed and lower-cased, <c>public</c> when empty (the engine checks the word).</summary>
    public static string RollVisibility(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Public : text.Trim().ToLowerInvariant();
}
