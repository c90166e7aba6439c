using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

/// <summary>The outcome of a token check and, when it matched, the seat.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Viewer">The seat, when matched.</param>
/// <param name="Name">The seat's display name, when matched.</param>
public sealed record AuthResult(AuthStatus Status, Viewer? Viewer, string? Name)
{
    /// <summary>A token that matches no seat.</summary>
    public static readonly AuthResult Invalid = new(AuthStatus.Invalid, null, null);
}
