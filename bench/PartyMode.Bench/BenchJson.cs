using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Bench;

/// <summary>Writes the results JSON (bench/results/latest.json): rows with every target's value and ratio, and each target's details.</summary>
internal static class BenchJson
{
    public static void Write(string path, BenchOptions options, MachineInfo machine, IReadOnlyList<ResultRow> rows, TargetResults[] targets)
    {
        var json = new JsonObject
        {
            ["generated_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["mode"] = options.Quick ? "quick" : "full",
            ["machine"] = new JsonObject
            {
                ["cores"] = machine.Cores,
                ["memory_bytes"] = machine.MemoryBytes,
                ["cpu"] = machine.Cpu,
                ["os"] = machine.Os,
                ["dotnet"] = machine.DotnetRuntime,
                ["node"] = machine.Node,
                ["commit"] = machine.Commit,
                ["open_file_limit"] = machine.OpenFileLimit,
            },
            ["ratio"] = "partymode / node; ratio_bun: partymode / bun",
            ["rows"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id,
                ["figure"] = r.Figure,
                ["unit"] = r.Unit,
                ["partymode"] = Round(r.PartyMode),
                ["node"] = Round(r.Node),
                ["bun"] = Round(r.Bun),
                ["ratio"] = Round(r.Ratio),
                ["ratio_bun"] = Round(r.RatioBun),
                ["lower_is_better"] = r.LowerIsBetter,
                ["target"] = r.Target,
                ["pass"] = r.Pass,
                ["note"] = r.Note,
            }).ToArray()),
            ["details"] = new JsonObject(targets.Select(t => new KeyValuePair<string, JsonNode?>(t.Name, Details(t)))),
            ["not_measured"] = new JsonObject(targets.Select(t => new KeyValuePair<string, JsonNode?>(t.Name, t.Skipped))),
            ["errors"] = new JsonArray(targets.SelectMany(t => t.Errors.Select(e => (JsonNode)JsonValue.Create($"{t.Name}: {e}")!)).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonObject Details(TargetResults t)
    {
        static JsonNode? Fanout(FanoutResult? f) => f is null ? null : new JsonObject
        {
            ["sockets"] = f.Sockets,
            ["rounds"] = f.ResolveMs.Count,
            ["resolve_ms"] = new JsonArray(f.ResolveMs.Select(v => (JsonNode?)Math.Round(v, 3)).ToArray()),
            ["action_event_p50_ms"] = Round(Stats.Percentile(f.ActionMs, 50)),
            ["action_event_p99_ms"] = Round(Stats.Percentile(f.ActionMs, 99)),
            ["resolve_http_p50_ms"] = Round(Stats.Percentile(f.ResolveHttpMs, 50)),
            ["server_cpu_ms_per_round"] = Round(f.ServerCpuMsPerRound),
            ["harness_cpu_ms_per_round"] = Round(f.ClientCpuMsPerRound),
            ["timeouts"] = f.Timeouts,
            ["lost_sockets"] = f.LostSockets,
            ["private_leaks"] = f.PrivateLeaks,
            ["side_requests"] = f.SideRequests,
            ["side_failures"] = f.SideFailures,
            ["side_p50_ms"] = f.SideMs.Count == 0 ? null : Round(Stats.Percentile(f.SideMs, 50)),
            ["error"] = f.Error,
        };

        return new JsonObject
        {
            ["fanout_players"] = Fanout(t.Players),
            ["fanout_players_cold"] = Fanout(t.PlayersCold),
            ["fanout_mid_audience"] = Fanout(t.MidAudience),
            ["fanout_large_audience"] = Fanout(t.LargeAudience),
            ["fanout_mixed"] = Fanout(t.Mixed),
            ["handout"] = t.Handout is not { } h ? null : new JsonObject
            {
                ["image_bytes"] = h.ImageBytes,
                ["downloads"] = h.Downloads,
                ["failed"] = h.Failed,
                ["event_ms"] = Round(h.EventMs),
                ["last_download_ms"] = Round(h.LastDownloadMs),
                ["server_cpu_ms"] = Round(h.ServerCpuMs),
                ["rss_before_bytes"] = h.RssBefore,
                ["rss_peak_bytes"] = h.RssPeak,
                ["rss_after_bytes"] = h.RssAfter,
            },
            ["connections"] = t.Connect is null ? null : new JsonObject
            {
                ["observers"] = t.LargeObservers,
                ["connect_to_welcome_s"] = Round(t.Connect.Elapsed.TotalSeconds),
                ["failures"] = t.Connect.Failures,
                ["first_error"] = t.Connect.FirstError,
                ["held"] = t.HeldSockets,
                ["rss_before_bytes"] = t.RssBefore,
                ["rss_idle_bytes"] = t.RssIdle,
                ["fds_idle"] = t.FdsIdle,
            },
            ["intake_no_fsync"] = IntakeJson(t.IntakeNoFsync),
            ["intake"] = IntakeJson(t.Intake),
            ["startup_ms"] = new JsonObject(t.Startup.Select(kv => new KeyValuePair<string, JsonNode?>(
                kv.Key,
                kv.Value is { } v ? new JsonObject { ["median"] = Round(v.Median), ["min"] = Round(v.Min), ["runs"] = v.Runs } : null))),
        };
    }

    private static JsonObject IntakeJson(Dictionary<int, IntakeResult> runs) =>
        new(runs.Select(kv => new KeyValuePair<string, JsonNode?>(
            "c" + kv.Key.ToString(CultureInfo.InvariantCulture),
            new JsonObject
            {
                ["per_second"] = Round(kv.Value.PerSecond),
                ["seconds"] = kv.Value.Seconds,
                ["accepted"] = kv.Value.Accepted,
                ["rejected"] = kv.Value.Rejected,
                ["p50_ms"] = Round(kv.Value.P50Ms),
                ["p99_ms"] = Round(kv.Value.P99Ms),
                ["pending_after"] = kv.Value.PendingAfter,
                ["accepted_total"] = kv.Value.AcceptedTotal,
                ["changes_per_transaction"] = Round(kv.Value.ChangesPerTransaction),
            })));

    private static double? Round(double? v) => v is { } x && !double.IsNaN(x) && !double.IsInfinity(x) ? Math.Round(x, 3) : null;
}
