using System.Net;

namespace PartyMode.Cli.Security;

/// <summary>Counts failed authentications per non-loopback address per minute (docs/protocol.md §3.1 brute-force limit).</summary>
internal sealed class AuthFailures(int limit, TimeProvider time, bool exemptLoopback = true)
{
    private readonly MinuteCounts _counts = new(time);

    public bool IsBlocked(IPAddress? address) => Counted(address) && _counts.Count(address!) > limit;

    public void RecordFailure(IPAddress? address)
    {
        if (Counted(address))
        {
            _counts.Add(address!);
        }
    }

    private bool Counted(IPAddress? address) => address is not null && !(exemptLoopback && IPAddress.IsLoopback(address));
}
