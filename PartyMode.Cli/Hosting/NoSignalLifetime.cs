namespace PartyMode.Cli.Hosting;

/// <summary>A host lifetime that does not hook Ctrl+C or SIGTERM: the serve command owns the signals.</summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
