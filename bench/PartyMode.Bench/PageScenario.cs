namespace PartyMode.Bench;

/// <summary>The phone page's figures at one CPU throttle rate (1 = the machine's own speed).</summary>
internal sealed record PageScenario(
    double ThrottleRate,
    IReadOnlyList<double> TabSwitchMs,
    double CatchUpMs,
    int CatchUpEvents,
    int NodesAfterEvening,
    int MessagesInDom,
    int NodesAfterCatchUp)
{
    public double TabSwitchP50 => Stats.Median(TabSwitchMs);

    public double TabSwitchMax => TabSwitchMs.Count == 0 ? double.NaN : TabSwitchMs.Max();
}
