namespace PartyMode.Bench;

internal sealed record SoakVerdict(bool Pass, double RssSlope, double FdSlope, double? HeapSlope, List<string> Lines);
