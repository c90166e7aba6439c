using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Rolls;

/// <summary>The words of player rolls: modes and visibilities (docs/protocol.md §7.1).</summary>
internal static class RollWords
{
    public const string Blind = "blind";

    /// <summary>The mode word, defaulting to <c>normal</c>.</summary>
    public static string Mode(string? mode) => (mode?.Trim().ToLowerInvariant() ?? "") switch
    {
        "" or "normal" => "normal",
        "advantage" or "adv" => "advantage",
        "disadvantage" or "dis" => "disadvantage",
        var other => throw GameException.BadRequest("bad_request", $"Unknown mode '{other}': use normal, advantage or disadvantage."),
    };

    /// <summary>The visibility word of a player roll.</summary>
    public static string Visibility(string? visibility, string fallback) => (visibility?.Trim().ToLowerInvariant() ?? "") switch
    {
        "" => fallback,
        "public" or "party" or "dm" or Blind => visibility!.Trim().ToLowerInvariant(),
        var other => throw GameException.BadRequest("bad_request", $"Unknown visibility '{other}': use public (everyone), party (players and the DM), dm (you and the DM) or blind (the DM only)."),
    };

    /// <summary>Who sees a player's roll of that visibility.</summary>
    public static Audience AudienceOf(string visibility, string roller) => visibility switch
    {
        "public" => Audience.Public,
        "party" => Audience.Party,
        "dm" => Audience.Players(roller),
        _ => Audience.DmOnly,
    };
}
