namespace PartyMode.Bench;

internal sealed record ConnectResult(int FirstIndex, int Count, TimeSpan Elapsed, int Failures, string? FirstError);
