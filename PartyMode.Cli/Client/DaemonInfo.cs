using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyMode.Cli.Client;

/// <summary>The content of <c>DATA/daemon.json</c>, written by the daemon once it answers <c>/healthz</c>.</summary>
internal sealed record DaemonInfo(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("version")] string? Version)
{
    /// <summary>Reads daemon.json; null when it is missing, half-written or unreadable.</summary>
    public static DaemonInfo? TryRead(DataFolder folder)
    {
        try
        {
            if (!File.Exists(folder.DaemonFile))
            {
                return null;
            }

            var info = JsonSerializer.Deserialize<DaemonInfo>(File.ReadAllText(folder.DaemonFile));
            return info is null || string.IsNullOrWhiteSpace(info.Url) ? null : info;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The address to call: a wildcard bind address is reached through loopback.</summary>
    public Uri CallableUri()
    {
        var uri = new Uri(Url.TrimEnd('/') + "/");
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            var builder = new UriBuilder(uri) { Host = "127.0.0.1" };
            return builder.Uri;
        }

        return uri;
    }

    /// <summary>False when the process named in daemon.json is gone (a stale file).</summary>
    public bool ProcessIsAlive()
    {
        if (Pid <= 0)
        {
            return true; // Nothing to check; the health probe decides.
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(Pid);
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
