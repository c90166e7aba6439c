using PartyMode.Cli.Storage;

namespace PartyMode.Cli.DataSafety;

/// <summary>
/// Takes a backup of the game file at start and then every few minutes while the game changes, keeping
/// the newest few (docs/reliability.md §3), so a damaged file costs minutes of play at most.
/// </summary>
internal sealed class BackupScheduler : IDisposable
{
    private readonly LiteDbGameStore _store;
    private readonly GameBackups _backups;
    private readonly TimeProvider _time;
    private readonly Serilog.ILogger _log;
    private readonly ITimer? _timer;
    private readonly SemaphoreSlim _one = new(1, 1);
    private long _backedUpAt = -1;

    private BackupScheduler(LiteDbGameStore store, GameBackups backups, TimeSpan every, TimeProvider time, Serilog.ILogger log)
    {
        _store = store;
        _backups = backups;
        _time = time;
        _log = log;
        if (every > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(_ => _ = TakeIfChangedAsync(), null, every, every);
        }
    }

    /// <summary>Takes the start-up backup, then schedules the next ones (<paramref name="every"/> zero: start-up only).</summary>
    public static async Task<BackupScheduler> StartAsync(LiteDbGameStore store, GameBackups backups, TimeSpan every, TimeProvider time, Serilog.ILogger log)
    {
        var scheduler = new BackupScheduler(store, backups, every, time, log);
        await scheduler.TakeIfChangedAsync();
        return scheduler;
    }

    /// <summary>Backups taken since start (diagnostics).</summary>
    public int Taken { get; private set; }

    /// <summary>Takes a backup unless nothing was written since the last one.</summary>
    public async Task TakeIfChangedAsync()
    {
        if (!await _one.WaitAsync(0))
        {
            return;
        }

        try
        {
            var written = _store.Transactions;
            if (written == _backedUpAt)
            {
                return;
            }

            var path = _backups.NextPath(_time.GetUtcNow());
            await _store.BackupAsync(path);
            _backedUpAt = written;
            Taken++;
            _backups.Prune();
            _log.Information("Backed up the game to {Path}", path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException or LiteDB.LiteException)
        {
            // The game goes on; the next tick tries again.
            _log.Warning("A backup of the game could not be taken: {Reason}", ex.Message);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _one.Dispose();
    }
}
