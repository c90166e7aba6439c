using System.Net;

namespace PartyMode.Cli.Limits;

/// <summary>
/// Observer sockets per remote address. The observer link is shown on the TV by design, so anyone who
/// can read it could otherwise open sockets until the daemon runs out of files; the observer seat as a
/// whole stays uncapped up to the connection limit.
/// </summary>
internal sealed class ObserverSockets(ConnectionLimits limits, Serilog.ILogger log, TimeProvider time)
{
    private readonly AddressCounts _counts = new(limits.ObserversPerAddress);
    private readonly RefusalLog _log = new(log, time, $"Observer socket refused: one address holds {limits.ObserversPerAddress} observer sockets, the limit per address (--max-observers-per-address)");

    /// <summary>Takes a slot for an observer socket from <paramref name="address"/>; false (and a log line a minute at most) when it holds its cap.</summary>
    public bool TryAcquire(IPAddress? address)
    {
        if (address is null || ConnectionLimits.IsLocal(address) || _counts.TryAcquire(address))
        {
            return true;
        }

        _log.Refused();
        return false;
    }

    public void Release(IPAddress? address)
    {
        if (address is not null && !ConnectionLimits.IsLocal(address))
        {
            _counts.Release(address);
        }
    }
}
