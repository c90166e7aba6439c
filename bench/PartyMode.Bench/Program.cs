using PartyMode.Bench;

// ./build.sh bench [--quick] [--only fanout,intake,connections,startup] [--no-node] [--no-build]
// ./build.sh soak --minutes N [--target partymode|node]
// ./build.sh page [--quick] [--throttle 1,4]
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

NativeLimits.RaiseOpenFileLimit(65536);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return options.Soak ? await SoakRunner.RunAsync(options, cancel.Token)
        : options.Page ? await PageBench.RunAsync(options, cancel.Token)
        : await BenchRunner.RunAsync(options, cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("bench: cancelled");
    return 130;
}
