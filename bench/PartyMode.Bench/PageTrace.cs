using System.Text.Json;
using Microsoft.Playwright;

namespace PartyMode.Bench;

/// <summary>
/// The page's main-thread CPU time over a stretch, from a Chromium trace (the thread time of each
/// task on <c>CrRendererMain</c>, read over the page's own DevTools session). The load of a shared
/// machine moves it far less than it moves wall time, so it is the figure to compare across runs.
/// </summary>
internal static class PageTrace
{
    /// <summary>Starts a trace on the page's own DevTools session; dispose the handle to read it.</summary>
    public static async Task<Recording> StartAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var recording = new Recording(cdp);
        await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["categories"] = "devtools.timeline,disabled-by-default-devtools.timeline",
            ["transferMode"] = "ReportEvents",
        });
        return recording;
    }

    /// <summary>Stops the trace; the renderer main thread's CPU ms over it.</summary>
    public static async Task<double> StopAsync(Recording recording)
    {
        await recording.Cdp.SendAsync("Tracing.end");
        await recording.Complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await recording.Cdp.DetachAsync();
        var events = recording.Events;
        var mains = new HashSet<(long Pid, long Tid)>();
        foreach (var e in events)
        {
            if (Str(e, "ph") == "M" && Str(e, "name") == "thread_name"
                && e.TryGetProperty("args", out var a) && Str(a, "name") == "CrRendererMain")
            {
                mains.Add((Num(e, "pid"), Num(e, "tid")));
            }
        }

        double micros = 0;
        foreach (var e in events)
        {
            if (Str(e, "ph") == "X" && Str(e, "name") == "RunTask" && mains.Contains((Num(e, "pid"), Num(e, "tid")))
                && e.TryGetProperty("tdur", out var t))
            {
                micros += t.GetDouble();
            }
        }

        return micros / 1000;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : -1;

    /// <summary>A trace in progress: its session and the events it reported.</summary>
    internal sealed class Recording
    {
        public Recording(ICDPSession cdp)
        {
            Cdp = cdp;
            cdp.Event("Tracing.dataCollected").OnEvent += (_, data) =>
            {
                if (data is { } d && d.TryGetProperty("value", out var value))
                {
                    lock (Events)
                    {
                        Events.AddRange(value.EnumerateArray().Select(e => e.Clone()));
                    }
                }
            };
            cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => Complete.TrySetResult();
        }

        public ICDPSession Cdp { get; }

        public List<JsonElement> Events { get; } = [];

        public TaskCompletionSource Complete { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
