using System.Text.Json;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.Client;

/// <summary>Reading <c>DATA/daemon.json</c> (<see cref="DaemonInfo"/>, written by the daemon) from the client side.</summary>
internal static class DaemonProbe
{
    /// <summary>daemon.json of the folder; null when it is missing, half-written or unreadable.</summary>
    public static DaemonInfo? TryRead(DataFolder folder)
    {
        try
        {
            var info = DaemonInfo.Read(folder);
            return info is null || string.IsNullOrWhiteSpace(info.Url) ? null : info;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The address to call: a wildcard bind address is reached through loopback.</summary>
    public static Uri CallableUri(this DaemonInfo info)
    {
        var uri = new Uri(info.Url.TrimEnd('/') + "/");
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            var builder = new UriBuilder(uri) { Host = "127.0.0.1" };
            return builder.Uri;
        }

        return uri;
    }

    /// <summary>False when the process named in daemon.json is gone (a stale file).</summary>
    public static bool ProcessIsAlive(this DaemonInfo info)
    {
        if (info.Pid <= 0)
        {
            return true; // Nothing to check; the health probe decides.
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(info.Pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
