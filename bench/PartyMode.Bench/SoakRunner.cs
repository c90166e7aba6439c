namespace PartyMode.Bench;

internal static class SoakRunner
{
    public static Task<int> RunAsync(BenchOptions options, CancellationToken ct) => Task.FromResult(0);
}
