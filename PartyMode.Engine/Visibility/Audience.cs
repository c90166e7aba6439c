namespace PartyMode.Engine.Visibility;

/// <summary>Who may see a stored message. Immutable.</summary>
public sealed class Audience : IEquatable<Audience>
{
    /// <summary>Everyone, observers included.</summary>
    public static readonly Audience Public = new(AudienceKind.Public, []);

    /// <summary>Players and the DM.</summary>
    public static readonly Audience Party = new(AudienceKind.Party, []);

    /// <summary>The DM only.</summary>
    public static readonly Audience DmOnly = new(AudienceKind.Dm, []);

    /// <summary>Observer screens (the TV) and the DM (docs/protocol.md §9.2).</summary>
    public static readonly Audience Tv = new(AudienceKind.Tv, []);

    private Audience(AudienceKind kind, string[] players)
    {
        Kind = kind;
        PlayerIds = players;
    }

    /// <summary>The kind of audience.</summary>
    public AudienceKind Kind { get; }

    /// <summary>For <see cref="AudienceKind.Players"/>: the players, sorted, distinct.</summary>
    public IReadOnlyList<string> PlayerIds { get; }

    /// <summary>Those players and the DM. An empty list means the DM only.</summary>
    /// <param name="players">Player ids.</param>
    /// <returns>The audience.</returns>
    public static Audience Players(IEnumerable<string> players)
    {
        var list = players.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return list.Length == 0 ? DmOnly : new Audience(AudienceKind.Players, list);
    }

    /// <summary>Those players and the DM.</summary>
    /// <param name="players">Player ids.</param>
    /// <returns>The audience.</returns>
    public static Audience Players(params string[] players) => Players((IEnumerable<string>)players);

    /// <summary>Parses the stored form (<c>public</c>, <c>party</c>, <c>dm</c>, <c>tv</c>, <c>players:a,b</c>).</summary>
    /// <param name="text">The stored form.</param>
    /// <returns>The audience.</returns>
    public static Audience Parse(string text) => text switch
    {
        "public" => Public,
        "party" => Party,
        "dm" => DmOnly,
        "tv" => Tv,
        _ when text.StartsWith("players:", StringComparison.Ordinal) =>
            Players(text["players:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries)),
        _ => throw new FormatException($"Unknown audience '{text}'."),
    };

    /// <summary>True when the player is named in a <see cref="AudienceKind.Players"/> audience.</summary>
    /// <param name="playerId">The player id.</param>
    /// <returns>Whether the player is a recipient.</returns>
    public bool Names(string playerId)
    {
        foreach (var id in PlayerIds)
        {
            if (string.Equals(id, playerId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        AudienceKind.Public => "public",
        AudienceKind.Party => "party",
        AudienceKind.Dm => "dm",
        AudienceKind.Tv => "tv",
        _ => "players:" + string.Join(',', PlayerIds),
    };

    /// <inheritdoc/>
    public bool Equals(Audience? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Audience);

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
