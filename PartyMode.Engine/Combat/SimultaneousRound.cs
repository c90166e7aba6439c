namespace PartyMode.Engine.Combat;

/// <summary>An open simultaneous round (docs/protocol.md §5.3): who may submit, who has, and until when.</summary>
public sealed class SimultaneousRound
{
    /// <summary>What the DM asked.</summary>
    public string Prompt { get; set; } = "";

    /// <summary>When the round closes even if not everyone has submitted.</summary>
    public DateTimeOffset Deadline { get; set; }

    /// <summary>The player ids that may submit one action each, in the order they were listed.</summary>
    public List<string> Players { get; set; } = [];

    /// <summary>The players who have submitted, in submission order.</summary>
    public List<string> Submitted { get; set; } = [];

    /// <summary>The held actions of this round, in submission order.</summary>
    public List<string> ActionIds { get; set; } = [];
}
