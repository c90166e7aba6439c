using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.Client;

/// <summary>
/// The one decision every daemon-backed command makes about a data folder: a daemon answers (talk to
/// it), the folder is free (no daemon), or the lock is held by a daemon that is starting or stopping
/// (wait briefly and decide again) or that never answers (<see cref="DaemonNotAnsweringException"/>).
/// </summary>
internal static class DaemonPresence
{
    /// <summary>How long a held lock without an answering daemon is waited out before it counts as not answering.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(12);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A client for the answering daemon; null when none holds the folder; throws <see cref="DaemonNotAnsweringException"/> when one holds it but stays silent.</summary>
    public static async Task<DaemonClient?> TryConnectAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var client = await DaemonClient.TryConnectAsync(folder, cancellationToken);
            if (client is not null)
            {
                return client;
            }

            // Free: nothing runs (a daemon.json left by a killed daemon does not count).
            if (!DaemonLock.IsHeld(folder))
            {
                return null;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new DaemonNotAnsweringException(folder, HolderPid(folder));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>As <see cref="TryConnectAsync"/>, but throws <see cref="DaemonNotRunningException"/> when the folder is free.</summary>
    public static async Task<DaemonClient> ConnectAsync(DataFolder folder, CancellationToken cancellationToken) =>
        await TryConnectAsync(folder, cancellationToken)
        ?? throw new DaemonNotRunningException($"Party Mode is not running (no daemon for {folder.Root}).");

    private static int? HolderPid(DataFolder folder)
    {
        if (DaemonLock.HolderPid(folder) is { } pid)
        {
            return pid;
        }

        var info = DaemonProbe.TryRead(folder);
        return info is not null && info.Pid > 0 && info.ProcessIsAlive() ? info.Pid : null;
    }
}
