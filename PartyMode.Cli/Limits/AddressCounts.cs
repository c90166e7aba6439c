using System.Net;

namespace PartyMode.Cli.Limits;

/// <summary>
/// How many of something each remote address holds, with a cap per address (0: none). An entry goes
/// when its count reaches zero, so a scan of many addresses leaves nothing behind.
/// </summary>
internal sealed class AddressCounts(int perAddress)
{
    private readonly Dictionary<IPAddress, int> _counts = [];

    public int PerAddress { get; } = perAddress;

    /// <summary>Takes one slot for <paramref name="address"/>; false when it already holds its cap.</summary>
    public bool TryAcquire(IPAddress address)
    {
        address = Normalize(address);
        lock (_counts)
        {
            _counts.TryGetValue(address, out var n);
            if (PerAddress > 0 && n >= PerAddress)
            {
                return false;
            }

            _counts[address] = n + 1;
            return true;
        }
    }

    public void Release(IPAddress address)
    {
        address = Normalize(address);
        lock (_counts)
        {
            if (!_counts.TryGetValue(address, out var n))
            {
                return;
            }

            if (n <= 1)
            {
                _counts.Remove(address);
            }
            else
            {
                _counts[address] = n - 1;
            }
        }
    }

    public int Count(IPAddress address)
    {
        lock (_counts)
        {
            return _counts.TryGetValue(Normalize(address), out var n) ? n : 0;
        }
    }

    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; it is the same address.
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
