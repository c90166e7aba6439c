using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyMode.Bench;

/// <summary>Prints the page benchmark against its targets and writes bench/results/page.json.</summary>
internal static class PageReport
{
    /// <summary>#16's targets, at 4× CPU throttle: a tab switch under 100 ms, a 2,000-event catch-up under 1 s.</summary>
    public const double TabSwitchTargetMs = 100;

    public const double CatchUpTargetMs = 1_000;

    public static void Print(TextWriter o, MachineInfo machine, IReadOnlyList<PageScenario> scenarios)
    {
        o.WriteLine();
        o.WriteLine($"PartyMode page benchmark — {machine.Cores} cores, {machine.Cpu}; commit {machine.Commit}; phone page 375x812, Chromium");
        o.WriteLine($"{"figure",-44} {"throttle",9} {"value",10}  {"target",-10} result");
        o.WriteLine(new string('-', 84));
        o.WriteLine($"load average at the end: {LoadAverage()} (wall times follow it; main-thread CPU far less)");
        foreach (var s in scenarios)
        {
            var gated = s.ThrottleRate >= 4;
            Row(o, "tab switch p50, ms", s.ThrottleRate, s.TabSwitchP50, gated ? TabSwitchTargetMs : null);
            Row(o, "tab switch max, ms", s.ThrottleRate, s.TabSwitchMax, gated ? TabSwitchTargetMs : null);
            Row(o, "tab switch, page main-thread CPU, ms", s.ThrottleRate, s.TabSwitchCpuMs, null);
            Row(o, $"catch-up of {s.CatchUpEvents:N0} missed events, ms", s.ThrottleRate, s.CatchUpMs, gated ? CatchUpTargetMs : null);
            Row(o, "catch-up, page main-thread CPU, ms", s.ThrottleRate, s.CatchUpCpuMs, null);
            Row(o, "DOM nodes after the evening", s.ThrottleRate, s.NodesAfterEvening, null);
            Row(o, "DOM nodes after the catch-up", s.ThrottleRate, s.NodesAfterCatchUp, null);
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static void Row(TextWriter o, string figure, double rate, double value, double? target)
    {
        var result = target is { } t ? (value < t ? "PASS" : "FAIL") : "";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{figure,-44} {rate + "x",9} {value,10:F1}  {(target is { } tt ? "< " + tt.ToString(CultureInfo.InvariantCulture) : ""),-10} {result}");
        o.WriteLine(line);
    }

    public static void WriteJson(string path, MachineInfo machine, int evening, IReadOnlyList<PageScenario> scenarios)
    {
        static JsonNode R(double v) => JsonValue.Create(Math.Round(v, 2));
        var json = new JsonObject
        {
            ["generated_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = new JsonObject
            {
                ["cores"] = machine.Cores,
                ["cpu"] = machine.Cpu,
                ["os"] = machine.Os,
                ["commit"] = machine.Commit,
            },
            ["page"] = "/play, 375x812, Chromium (Debian) headless via Playwright",
            ["load_average"] = LoadAverage(),
            ["evening_events"] = evening,
            ["targets"] = new JsonObject
            {
                ["tab_switch_ms_at_4x"] = TabSwitchTargetMs,
                ["catch_up_ms_at_4x"] = CatchUpTargetMs,
            },
            ["scenarios"] = new JsonArray(scenarios.Select(s => (JsonNode)new JsonObject
            {
                ["throttle_rate"] = s.ThrottleRate,
                ["tab_switch_p50_ms"] = R(s.TabSwitchP50),
                ["tab_switch_max_ms"] = R(s.TabSwitchMax),
                ["tab_switch_ms"] = new JsonArray(s.TabSwitchMs.Select(R).ToArray()),
                ["tab_switch_main_thread_cpu_ms"] = R(s.TabSwitchCpuMs),
                ["catch_up_events"] = s.CatchUpEvents,
                ["catch_up_main_thread_cpu_ms"] = R(s.CatchUpCpuMs),
                ["catch_up_ms"] = R(s.CatchUpMs),
                ["dom_nodes_after_evening"] = s.NodesAfterEvening,
                ["messages_in_dom_after_evening"] = s.MessagesInDom,
                ["dom_nodes_after_catch_up"] = s.NodesAfterCatchUp,
            }).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
