using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Bench;

/// <summary>Turns both targets' results into rows with pass lines; prints the table and writes the JSON.</summary>
internal sealed class BenchReport
{
    private const double MiB = 1024 * 1024;
    private readonly BenchOptions _options;
    private readonly MachineInfo _machine;
    private readonly TargetResults _party;
    private readonly TargetResults _node;

    public BenchReport(BenchOptions options, MachineInfo machine, TargetResults party, TargetResults node)
    {
        _options = options;
        _machine = machine;
        _party = party;
        _node = node;
        Rows = BuildRows();
    }

    public IReadOnlyList<ResultRow> Rows { get; }

    private List<ResultRow> BuildRows()
    {
        var rows = new List<ResultRow>();
        var big = _options.Observers;
        var bigLabel = big.ToString("N0", CultureInfo.InvariantCulture);
        AddFanout(rows, "fanout.players", "12 players", _party.Players, _node.Players, 5.0);
        AddFanout(rows, "fanout.players_cold", "12 players, first rounds after start", _party.PlayersCold, _node.PlayersCold, null, passLines: false);
        AddFanout(rows, "fanout.observers_1k", "1,000 observers + 12 players", _party.MidAudience, _node.MidAudience, null);
        AddFanout(rows, $"fanout.observers_{big}", $"{bigLabel} observers + 12 players", _party.LargeAudience, _node.LargeAudience, big >= 10_000 ? 250.0 : null);

        foreach (var c in new[] { 4, 64 })
        {
            var p = _party.Intake.GetValueOrDefault(c);
            var n = _node.Intake.GetValueOrDefault(c);
            var pass = c == 64 && p is not null ? p.PerSecond >= 2000 : (bool?)null;
            var note = p is null ? null : $"202 p99 {p.P99Ms:F1} ms; {p.Rejected} rejected; queue held {p.PendingAfter} of {p.AcceptedTotal} accepted" +
                (p.ChangesPerTransaction is { } b ? $"; {b:F1} change sets per store transaction" : "");
            rows.Add(new ResultRow($"intake.c{c}", $"durable actions/s, concurrency {c}", "actions/s", p?.PerSecond, n?.PerSecond, false,
                c == 64 ? ">= 2,000" : null, pass, note));
        }

        foreach (var c in new[] { 4, 64 })
        {
            var f = _party.IntakeNoFsync.GetValueOrDefault(c);
            var shipped = _party.Intake.GetValueOrDefault(c);
            var note = f is null ? null : $"202 p99 {f.P99Ms:F1} ms" +
                (shipped is not null ? $"; {100 * f.PerSecond / shipped.PerSecond:F0}% of the default (flushed) figure" : "") +
                (f.ChangesPerTransaction is { } b ? $"; {b:F1} change sets per store transaction" : "");
            rows.Add(new ResultRow($"intake.c{c}_no_fsync", $"actions/s, concurrency {c}, serve --no-fsync (not power-loss safe)", "actions/s", f?.PerSecond, null, false,
                Note: note));
        }

        var pc = _party.Connect;
        var nc = _node.Connect;
        rows.Add(new ResultRow("connections.connect_to_welcome", $"{bigLabel} sockets connect→welcome", "s",
            Seconds(pc), Seconds(nc), true, big >= 10_000 ? "< 10 s" : null,
            big >= 10_000 && pc is not null ? pc.Failures == 0 && pc.Elapsed.TotalSeconds < 10 : null,
            pc is null ? null : $"{pc.Failures} failed, {ConnectParallel} handshakes in flight"));
        rows.Add(new ResultRow("connections.held", "sockets held open (server's count)", "sockets",
            Held(_party), Held(_node), false, Note: "all seats, after the large audience idled 2 s"));
        rows.Add(new ResultRow("connections.rss_idle", $"server RSS with {bigLabel} idle observers", "MiB",
            Rss(_party), Rss(_node), true, big >= 10_000 ? "< 1,024 MiB" : null,
            big >= 10_000 && Rss(_party) is { } r ? r < 1024 : null,
            _party.FdsIdle > 0 ? $"{_party.FdsIdle} fds open" : null));
        rows.Add(new ResultRow("connections.rss_per_connection", "RSS per idle connection", "KiB",
            PerConnection(_party), PerConnection(_node), true, Note: "(RSS idle − RSS before) ÷ observers"));

        var published = _party.Startup.GetValueOrDefault("published");
        var relay = _node.Startup.GetValueOrDefault("relay");
        rows.Add(new ResultRow("startup.published", "start-up, published single-file binary", "ms", published?.Median, relay?.Median, true,
            "< 500 ms", published is { } pb ? pb.Median < 500 : null,
            _party.Startup.ContainsKey("published") ? null : "not measured: no dist/partymode-*-linux-x64 (run ./build.sh publish)"));
        rows.Add(new ResultRow("startup.apphost", "start-up, built apphost (bin/Release)", "ms",
            _party.Startup.GetValueOrDefault("apphost")?.Median, relay?.Median, true));
        rows.Add(new ResultRow("startup.dotnet_run", "start-up, dotnet run", "ms",
            _party.Startup.GetValueOrDefault("dotnet_run")?.Median, relay?.Median, true, Note: "includes the SDK's up-to-date check"));
        return rows;
    }

    private const int ConnectParallel = 128;

    private static void AddFanout(List<ResultRow> rows, string id, string label, FanoutResult? p, FanoutResult? n, double? p99Target, bool passLines = true)
    {
        foreach (var (stat, pct) in new[] { ("p50", 50.0), ("p99", 99.0), ("max", 100.0) })
        {
            var pv = p is null || p.ResolveMs.Count == 0 ? (double?)null : Stats.Percentile(p.ResolveMs, pct);
            var nv = n is null || n.ResolveMs.Count == 0 ? (double?)null : Stats.Percentile(n.ResolveMs, pct);
            var target = stat == "p99" && p99Target is { } t ? $"< {t:0} ms" : null;
            bool? pass = target is not null && pv is { } v ? v < p99Target!.Value : null;
            // The Node reference is a pass line of its own: at least as fast on every fan-out figure.
            if (passLines && pv is { } a && nv is { } b)
            {
                target = target is null ? "<= node" : target + ", <= node";
                pass = (pass ?? true) && a <= b;
            }

            string? note = null;
            if (stat == "p50" && p is not null)
            {
                note = $"{p.ResolveMs.Count} rounds, {p.Sockets} sockets; action event p99 {Stats.Percentile(p.ActionMs, 99):F1} ms; resolve HTTP p50 {Stats.Percentile(p.ResolveHttpMs, 50):F1} ms; CPU per round server {p.ServerCpuMsPerRound:F1} ms, harness {p.ClientCpuMsPerRound:F1} ms" +
                    (p.Timeouts > 0 ? $"; {p.Timeouts} timeouts" : "") + (p.LostSockets > 0 ? $"; {p.LostSockets} sockets lost" : "") + (p.PrivateLeaks > 0 ? $"; {p.PrivateLeaks} PRIVATE PARTS SEEN BY OTHER SOCKETS" : "") + (p.Error is null ? "" : $"; error: {p.Error}");
            }

            rows.Add(new ResultRow($"{id}.{stat}", $"fan-out {stat}, {label}", "ms", pv, nv, true, target, pass, note));
        }
    }

    private static double? Seconds(ConnectResult? c) => c?.Elapsed.TotalSeconds;

    private static double? Held(TargetResults t) => t.Connect is null ? null : t.HeldSockets;

    private static double? Rss(TargetResults t) => t.Connect is null || t.RssIdle <= 0 ? null : t.RssIdle / MiB;

    private static double? PerConnection(TargetResults t) =>
        t.Connect is null || t.RssIdle <= 0 || t.LargeObservers == 0 ? null : (t.RssIdle - t.RssBefore) / 1024.0 / t.LargeObservers;

    public void Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"PartyMode benchmark — {_machine.Cores} cores, {_machine.MemoryBytes / MiB / 1024:F1} GiB, {_machine.Cpu}; {_machine.Os}; {_machine.DotnetRuntime}; node {_machine.Node}; commit {_machine.Commit}");
        o.WriteLine($"{"figure",-52} {"unit",-9} {"PartyMode",11} {"Node",11} {"ratio",8}  {"target",-20} result");
        o.WriteLine(new string('-', 125));
        foreach (var r in Rows)
        {
            var ratio = r.Ratio is { } x ? x.ToString("F2", CultureInfo.InvariantCulture) + "x" : "";
            var pass = r.Pass switch { true => "PASS", false => "FAIL", null => "" };
            o.WriteLine($"{r.Figure,-52} {r.Unit,-9} {Fmt(r.PartyMode),11} {Fmt(r.Node),11} {ratio,8}  {r.Target ?? "",-20} {pass}");
        }

        o.WriteLine("ratio = PartyMode ÷ Node: below 1 is better for times and memory, above 1 for rates and counts.");
        foreach (var t in new[] { _party, _node })
        {
            if (t.Skipped is not null)
            {
                o.WriteLine($"{t.Name}: not measured: {t.Skipped}");
            }

            foreach (var e in t.Errors)
            {
                o.WriteLine($"{t.Name}: {e}");
            }
        }

        foreach (var r in Rows.Where(r => r.Note is not null))
        {
            o.WriteLine($"  {r.Id}: {r.Note}");
        }
    }

    public void WriteJson(string path)
    {
        var json = new JsonObject
        {
            ["generated_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["mode"] = _options.Quick ? "quick" : "full",
            ["machine"] = new JsonObject
            {
                ["cores"] = _machine.Cores,
                ["memory_bytes"] = _machine.MemoryBytes,
                ["cpu"] = _machine.Cpu,
                ["os"] = _machine.Os,
                ["dotnet"] = _machine.DotnetRuntime,
                ["node"] = _machine.Node,
                ["commit"] = _machine.Commit,
                ["open_file_limit"] = _machine.OpenFileLimit,
            },
            ["ratio"] = "partymode / node",
            ["rows"] = new JsonArray(Rows.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id,
                ["figure"] = r.Figure,
                ["unit"] = r.Unit,
                ["partymode"] = Round(r.PartyMode),
                ["node"] = Round(r.Node),
                ["ratio"] = Round(r.Ratio),
                ["lower_is_better"] = r.LowerIsBetter,
                ["target"] = r.Target,
                ["pass"] = r.Pass,
                ["note"] = r.Note,
            }).ToArray()),
            ["details"] = new JsonObject
            {
                ["partymode"] = Details(_party),
                ["node"] = Details(_node),
            },
            ["not_measured"] = new JsonObject
            {
                ["partymode"] = _party.Skipped,
                ["node"] = _node.Skipped,
            },
            ["errors"] = new JsonArray(_party.Errors.Select(e => (JsonNode)JsonValue.Create("partymode: " + e)!)
                .Concat(_node.Errors.Select(e => (JsonNode)JsonValue.Create("node: " + e)!)).ToArray()),
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
            ["error"] = f.Error,
        };

        return new JsonObject
        {
            ["fanout_players"] = Fanout(t.Players),
            ["fanout_players_cold"] = Fanout(t.PlayersCold),
            ["fanout_mid_audience"] = Fanout(t.MidAudience),
            ["fanout_large_audience"] = Fanout(t.LargeAudience),
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

    private static string Fmt(double? v) => v switch
    {
        null => "-",
        { } x when double.IsNaN(x) => "-",
        { } x when Math.Abs(x) >= 1000 => x.ToString("N0", CultureInfo.InvariantCulture),
        { } x when Math.Abs(x) >= 100 => x.ToString("F0", CultureInfo.InvariantCulture),
        { } x => x.ToString("F2", CultureInfo.InvariantCulture),
    };
}
