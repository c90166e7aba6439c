namespace PartyMode.Engine.Dice;

/// <summary>A rolled expression.</summary>
/// <param name="Expression">The normalized expression.</param>
/// <param name="Total">The total.</param>
/// <param name="Rolls">Every die rolled, in order (dropped dice included).</param>
public sealed record DiceResult(string Expression, int Total, IReadOnlyList<int> Rolls);
