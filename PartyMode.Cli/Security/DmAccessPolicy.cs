using System.Net;

namespace PartyMode.Cli.Security;

/// <summary>The DM's this-machine rule: DM powers answer on loopback and this machine's own addresses unless remote DMs are allowed.</summary>
internal sealed class DmAccessPolicy(bool allowRemoteDm)
{
    private readonly HashSet<IPAddress> _ownAddresses = allowRemoteDm ? [] : LanAddresses.Own();

    public bool IsDmAllowedFrom(IPAddress? remote)
    {
        if (allowRemoteDm || remote is null)
        {
            return true;
        }

        if (IPAddress.IsLoopback(remote))
        {
            return true;
        }

        var normalized = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return _ownAddresses.Contains(normalized);
    }
}
