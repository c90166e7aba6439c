namespace PartyMode.Engine.Dice;

/// <summary>One term of a dice expression: <c>NdM</c> (with what it keeps) or a constant, with its sign.</summary>
/// <param name="Sign">+1 or -1.</param>
/// <param name="Count">Dice rolled (0 for a constant).</param>
/// <param name="Sides">Sides per die (0 for a constant).</param>
/// <param name="Keep">Dice kept.</param>
/// <param name="Highest">Keeps the highest (else the lowest).</param>
/// <param name="Constant">The value of a constant term.</param>
/// <param name="Text">The term as written, without its sign (e.g. <c>4d6kh3</c>).</param>
internal sealed record DiceTerm(int Sign, int Count, int Sides, int Keep, bool Highest, int Constant, string Text)
{
    public bool IsDice => Count > 0;

    /// <summary>The smallest value of the term with its sign.</summary>
    public int Min => Sign > 0 ? Low : -High;

    /// <summary>The largest value of the term with its sign.</summary>
    public int Max => Sign > 0 ? High : -Low;

    private int Low => IsDice ? Keep : Constant;

    private int High => IsDice ? Keep * Sides : Constant;
}
