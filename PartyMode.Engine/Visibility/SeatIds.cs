using System.Text.RegularExpressions;

namespace PartyMode.Engine.Visibility;

/// <summary>Reserved seat ids and the player id rule of docs/protocol.md §1.1.</summary>
public static partial class SeatIds
{
    /// <summary>The DM seat id.</summary>
    public const string Dm = "dm";

    /// <summary>The observer seat id.</summary>
    public const string Observer = "observer";

    /// <summary>True when <paramref name="id"/> is a valid player id (not reserved).</summary>
    /// <param name="id">The candidate id.</param>
    /// <returns>Whether it may name a player seat.</returns>
    public static bool IsValidPlayerId(string? id) =>
        id is not null && PlayerIdPattern().IsMatch(id) && id != Dm && id != Observer;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlayerIdPattern();
}
