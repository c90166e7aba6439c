namespace PartyMode.Engine.Model;

/// <summary>A character's hit dice (docs/protocol.md §8.1).</summary>
public sealed class HitDice
{
    /// <summary>The die, <c>d6</c>, <c>d8</c>, <c>d10</c> or <c>d12</c>.</summary>
    public string Die { get; set; } = "d8";

    /// <summary>Hit dice the character has in all (usually its level).</summary>
    public int Total { get; set; }

    /// <summary>Hit dice spent since the last long rest.</summary>
    public int Used { get; set; }
}
