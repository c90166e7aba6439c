using System.Text.Json;

namespace PartyMode.Cli.Hosting;

/// <summary>DATA/daemon.json: how the CLI and MCP find the running daemon.</summary>
internal sealed record DaemonInfo(string Url, int Pid, DateTimeOffset StartedAt, string Version)
{
    public static void Write(DataFolder folder, string url) =>
        DataFolder.WritePrivateFile(folder.DaemonFile, JsonSerializer.SerializeToUtf8Bytes(
            new DaemonInfo(url, Environment.ProcessId, DateTimeOffset.UtcNow, BuildInfo.Version), DaemonInfoJson.Default.DaemonInfo));

    public static DaemonInfo? Read(DataFolder folder)
    {
        try
        {
            return File.Exists(folder.DaemonFile) ? JsonSerializer.Deserialize(File.ReadAllBytes(folder.DaemonFile), DaemonInfoJson.Default.DaemonInfo) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Delete(DataFolder folder) => File.Delete(folder.DaemonFile);
}
