namespace PartyMode.Bench;

/// <summary>
/// One figure: PartyMode's value, the Node relay's and the Bun relay's, the ratios (PartyMode ÷ peer) and the pass line.
/// <see cref="LowerIsBetter"/> says which way the ratio reads.
/// </summary>
internal sealed record ResultRow(
    string Id,
    string Figure,
    string Unit,
    double? PartyMode,
    double? Node,
    bool LowerIsBetter,
    string? Target = null,
    bool? Pass = null,
    string? Note = null)
{
    /// <summary>The Bun relay's value.</summary>
    public double? Bun { get; init; }

    public double? Ratio => Divide(PartyMode, Node);

    public double? RatioBun => Divide(PartyMode, Bun);

    private static double? Divide(double? a, double? b) =>
        a is { } p && b is { } n && n != 0 && !double.IsNaN(p) && !double.IsNaN(n) ? p / n : null;
}
