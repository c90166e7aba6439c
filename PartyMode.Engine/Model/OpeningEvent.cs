namespace PartyMode.Engine.Model;

/// <summary>An event the campaign starts with (a scene-setting narrative, a hidden roll…).</summary>
public sealed class OpeningEvent
{
    /// <summary><c>narrative</c>, <c>private</c>, <c>dm_note</c> or <c>roll</c>.</summary>
    public string Type { get; set; } = "narrative";

    /// <summary>The audience in stored form (<c>public</c>, <c>party</c>, <c>dm</c>, <c>players:a,b</c>).</summary>
    public string Audience { get; set; } = "public";

    /// <summary>Text of a narrative, private message or note.</summary>
    public string? Text { get; set; }

    /// <summary>Dice expression of a roll.</summary>
    public string? Expr { get; set; }

    /// <summary>Total of a roll.</summary>
    public int? Total { get; set; }

    /// <summary>Individual dice of a roll.</summary>
    public List<int>? Rolls { get; set; }

    /// <summary>Label of a roll.</summary>
    public string? Label { get; set; }

    /// <summary>The player a roll is for.</summary>
    public string? For { get; set; }
}
