namespace PartyMode.Bench;

/// <summary>
/// One figure: PartyMode's value, the Node relay's, the ratio (PartyMode ÷ Node) and the pass line.
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
    public double? Ratio => PartyMode is { } p && Node is { } n && n != 0 && !double.IsNaN(p) && !double.IsNaN(n) ? p / n : null;
}
