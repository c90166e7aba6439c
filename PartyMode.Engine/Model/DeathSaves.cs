namespace PartyMode.Engine.Model;

/// <summary>Death saving throws of a character at 0 HP (docs/protocol.md §8.1).</summary>
public sealed class DeathSaves
{
    /// <summary>Successes, 0 to 3.</summary>
    public int Successes { get; set; }

    /// <summary>Failures, 0 to 3.</summary>
    public int Failures { get; set; }
}
