using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using PartyMode.Cli.Security;

namespace PartyMode.Cli.Hosting;

/// <summary>
/// The listening socket, bound before anything is imported or written, so a port in use or a wrong address
/// refuses the start with one sentence and leaves the data folder as it was. Kestrel then listens on it.
/// </summary>
internal static class ListenSocket
{
    public static Socket Bind(string address, int port)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(address), port);
        try
        {
            // Kestrel's own way of making the socket (dual mode for [::], the platform's reuse rules).
            return SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
        }
        catch (SocketException ex)
        {
            throw new StartupException(Sentence(ex.SocketErrorCode, address, port), ex);
        }
    }

    private static string Sentence(SocketError error, string address, int port) => error switch
    {
        SocketError.AddressAlreadyInUse =>
            $"Port {port} is already in use: pass another one with --port, or stop what uses it.",
        SocketError.AddressNotAvailable =>
            $"This machine has no address {address}: pass --bind 0.0.0.0 (every network){Addresses()}.",
        SocketError.AccessDenied =>
            $"Port {port} needs administrator rights here: pass --port 1024 or above, such as 8080.",
        _ => $"PartyMode cannot listen on {address} port {port} ({error}): pass another --bind or --port.",
    };

    private static string Addresses()
    {
        var mine = LanAddresses.Candidates();
        return mine.Count == 0 ? " or --bind 127.0.0.1" : " or one of its own: " + string.Join(", ", mine.Append(IPAddress.Loopback));
    }
}
