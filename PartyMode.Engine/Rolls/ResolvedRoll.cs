namespace PartyMode.Engine.Rolls;

/// <summary>What a roll's <c>expr</c> stands for once read against the roller's sheet.</summary>
/// <param name="Dice">The dice to roll before any advantage (e.g. <c>1d20+7</c>, <c>1d8+3</c>).</param>
/// <param name="Modifier">The sheet bonus added to a d20 (references only).</param>
/// <param name="IsD20Reference">A check, save, skill, initiative or attack: a physical result is the d20's face.</param>
/// <param name="Label">A readable name for the roll (e.g. <c>Stealth</c>), or null for free dice.</param>
/// <param name="IsReference">The expression was a sheet reference (<c>resolved</c> is then on the event).</param>
internal sealed record ResolvedRoll(string Dice, int? Modifier, bool IsD20Reference, string? Label, bool IsReference);
