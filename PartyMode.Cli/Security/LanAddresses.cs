using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace PartyMode.Cli.Security;

/// <summary>Finds the addresses a phone on the same Wi-Fi can reach.</summary>
internal static class LanAddresses
{
    /// <summary>Candidate IPv4 addresses, best first: up, not loopback, not link-local, not a container bridge.</summary>
    public static IReadOnlyList<IPAddress> Candidates()
    {
        var found = new List<(IPAddress Address, int Rank)>();
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback || IsVirtual(nic.Name))
                {
                    continue;
                }

                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    var ip = unicast.Address;
                    if (ip.AddressFamily != AddressFamily.InterNetwork || IPAddress.IsLoopback(ip) || IsLinkLocal(ip))
                    {
                        continue;
                    }

                    var rank = nic.NetworkInterfaceType == NetworkInterfaceType.Wireless80211 ? 0 : IsPrivate(ip) ? 1 : 2;
                    found.Add((ip, rank));
                }
            }
        }
        catch (NetworkInformationException)
        {
            // No interface list on this platform: fall back to loopback below.
        }

        return found.OrderBy(f => f.Rank).Select(f => f.Address).Distinct().ToList();
    }

    /// <summary>Every address of this machine, loopback included (the DM API accepts these).</summary>
    public static HashSet<IPAddress> Own()
    {
        var own = new HashSet<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    own.Add(unicast.Address);
                }
            }
        }
        catch (NetworkInformationException)
        {
            // Loopback only.
        }

        return own;
    }

    private static bool IsVirtual(string name) =>
        name.StartsWith("docker", StringComparison.OrdinalIgnoreCase) || name.StartsWith("br-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("veth", StringComparison.OrdinalIgnoreCase) || name.StartsWith("virbr", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("vmnet", StringComparison.OrdinalIgnoreCase) || name.StartsWith("cni", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("flannel", StringComparison.OrdinalIgnoreCase) || name.StartsWith("podman", StringComparison.OrdinalIgnoreCase)
        || name.Contains("vEthernet", StringComparison.OrdinalIgnoreCase) || name.StartsWith("lxc", StringComparison.OrdinalIgnoreCase);

    private static bool IsLinkLocal(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return b[0] == 169 && b[1] == 254;
    }

    private static bool IsPrivate(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168);
    }
}
