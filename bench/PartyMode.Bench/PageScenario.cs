namespace PartyMode.Bench;

/// <summary>
/// The phone page's figures at one CPU throttle rate (1 = the machine's own speed): wall times as felt,
/// and the page's main-thread CPU time (per tab switch, for the whole catch-up), which the load of a
/// shared machine hardly moves.
/// </summary>
internal sealed record PageScenario(
    double ThrottleRate,
    IReadOnlyList<double> TabSwitchMs,
    double TabSwitchCpuMs,
    double CatchUpMs,
    double CatchUpCpuMs,
    int CatchUpEvents,
    int NodesAfterEvening,
    int MessagesInDom,
    int NodesAfterCatchUp)
{
    public double TabSwitchP50 => Stats.Median(TabSwitchMs);

    public double TabSwitchMax => TabSwitchMs.Count == 0 ? double.NaN : TabSwitchMs.Max();
}
