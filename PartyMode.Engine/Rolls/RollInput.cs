namespace PartyMode.Engine.Rolls;

/// <summary>What a player sends to roll (docs/protocol.md §7.1), as read from a frame or a body.</summary>
/// <param name="Expr">Dice or a sheet reference.</param>
/// <param name="Mode"><c>normal</c>, <c>advantage</c> or <c>disadvantage</c>.</param>
/// <param name="Visibility"><c>public</c>, <c>party</c>, <c>dm</c> or <c>blind</c>.</param>
/// <param name="Label">What it is for.</param>
/// <param name="ClientId">Idempotency key.</param>
/// <param name="RequestId">The roll request answered.</param>
/// <param name="Physical">Real dice: <paramref name="Result"/> is what the player read.</param>
/// <param name="Result">The face (d20 references) or total (free dice) the player read.</param>
public sealed record RollInput(
    string? Expr, string? Mode = null, string? Visibility = null, string? Label = null,
    string? ClientId = null, string? RequestId = null, bool Physical = false, int? Result = null);
