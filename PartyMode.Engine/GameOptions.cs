namespace PartyMode.Engine;

/// <summary>Limits of a game (docs/protocol.md §3.2 defaults).</summary>
public sealed class GameOptions
{
    /// <summary>Actions a seat may submit per <see cref="ActionRateWindow"/>.</summary>
    public int ActionRateCount { get; init; } = 10;

    /// <summary>The rate window.</summary>
    public TimeSpan ActionRateWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest action text in characters.</summary>
    public int MaxActionLength { get; init; } = 2000;

    /// <summary>Longest narrative or message text in characters.</summary>
    public int MaxNarrativeLength { get; init; } = 20000;

    /// <summary>Random source for dice: the cryptographically secure one by default, seedable in tests.</summary>
    public Random Random { get; init; } = Dice.CryptoRandom.Instance;

    /// <summary>Rolls a seat may make per <see cref="RollRateWindow"/> (docs/protocol.md §7.1).</summary>
    public int RollRateCount { get; init; } = 20;

    /// <summary>The rolls' rate window.</summary>
    public TimeSpan RollRateWindow { get; init; } = TimeSpan.FromSeconds(10);
}
