using System.Text.Json;

namespace PartyMode.Cli.Hosting;

/// <summary>DATA/daemon.json: how the CLI and MCP find the running daemon.</summary>
internal sealed record DaemonInfo(string Url, int Pid, DateTimeOffset StartedAt, string Version)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(DataFolder folder, string url) =>
        DataFolder.WritePrivateFile(folder.DaemonFile, JsonSerializer.SerializeToUtf8Bytes(
            new DaemonInfo(url, Environment.ProcessId, DateTimeOffset.UtcNow, BuildInfo.Version), Json));

    public static DaemonInfo? Read(DataFolder folder)
    {
        try
        {
            return File.Exists(folder.DaemonFile) ? JsonSerializer.Deserialize<DaemonInfo>(File.ReadAllBytes(folder.DaemonFile), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Delete(DataFolder folder) => File.Delete(folder.DaemonFile);
}
