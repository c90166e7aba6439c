using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PartyMode.Cli.Seats;
using PartyMode.Cli.Sockets;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Dm;

/// <summary>The daemon itself: its status for the DM, counters for soak tests and benchmarks, and shutdown.</summary>
internal static class DiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapDmDiagnostics(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm").WithMetadata(new RequireRole(Role.Dm));
        dm.MapGet("/status", Status);
        dm.MapPost("/shutdown", Shutdown);
        dm.MapGet("/diagnostics", Diagnostics);
        return app;
    }

    private static IResult Status([FromServices] Game game, [FromServices] SocketHub hub, [FromServices] JoinLinks links, [FromServices] ServerControl server)
    {
        var counts = game.QueueCounts();
        return Wire.Json(w =>
        {
            w.WriteStartObject("urls");
            w.WriteString("lan", links.LanUrl);
            w.WriteString("local", links.LocalUrl);
            w.WriteEndObject();
            w.WriteString("version", BuildInfo.Version);
            w.WriteNumber("uptime_seconds", Math.Round((DateTimeOffset.UtcNow - server.StartedAt).TotalSeconds, 1));
            w.WriteStartObject("campaign");
            w.WriteString("id", game.Meta.CampaignId);
            w.WriteString("name", game.Meta.CampaignName);
            w.WriteEndObject();
            w.WriteStartArray("seats");
            foreach (var seat in game.Seats().Where(s => s.Role != Role.Dm))
            {
                w.WriteStartObject();
                w.WriteString("seat", seat.Id);
                w.WriteString("role", seat.Viewer.RoleName);
                w.WriteString("name", seat.Name);
                var connections = hub.Connections(seat.Id);
                w.WriteBoolean("connected", connections > 0);
                w.WriteNumber("connections", connections);
                if (hub.LastSeen(seat.Id) is { } seen)
                {
                    w.WriteString("last_seen", Protocol.EventJson.Iso(seen));
                }
                else
                {
                    w.WriteNull("last_seen");
                }

                w.WriteBoolean("kicked", seat.Kicked);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("queue");
            foreach (var (status, count) in counts)
            {
                w.WriteNumber(Protocol.StatusWords.Name(status), count);
            }

            w.WriteEndObject();
            Protocol.CombatJson.WriteProperty(w, game.CombatView(Viewer.Dm));
        });
    }

    /// <summary>Counters for soak tests and benchmarks; <c>?gc=1</c> runs a full collection first.</summary>
    private static IResult Diagnostics(
        HttpContext context, [FromServices] Game game, [FromServices] SocketHub hub, [FromServices] CountingTimeProvider clock, [FromServices] StoreCounters store)
    {
        if (context.Request.Query["gc"] == "1")
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        var counts = game.QueueCounts();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return Wire.Json(w =>
        {
            w.WriteNumber("connections", hub.ConnectionCount);
            w.WriteNumber("queued_frames", hub.QueuedFrames);
            w.WriteNumber("pending_actions", counts[ActionStatus.Pending]);
            w.WriteNumber("processing_actions", counts[ActionStatus.Processing]);
            w.WriteNumber("active_timers", clock.ActiveTimers);
            w.WriteNumber("gc_heap_bytes", GC.GetTotalMemory(forceFullCollection: false));
            w.WriteNumber("working_set_bytes", process.WorkingSet64);
            w.WriteNumber("handles", process.HandleCount);
            w.WriteNumber("committed_changes", store.CommittedChangeSets);
            w.WriteNumber("transactions", store.Transactions);
            w.WriteNumber("checkpoints", store.Checkpoints);
            // The runtime's own costs, so a benchmark can tell them from the table's (docs/benchmarks.md).
            w.WriteNumber("jit_ms", Math.Round(System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, 1));
            w.WriteNumber("jit_methods", System.Runtime.JitInfo.GetCompiledMethodCount());
            w.WriteNumber("gc_collections", GC.CollectionCount(0));
            w.WriteNumber("gc_pause_ms", Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds, 1));
        });
    }

    private static IResult Shutdown([FromServices] ServerControl server)
    {
        server.RequestShutdown?.Invoke();
        return Wire.Json(w => w.WriteBoolean("stopping", true), 202);
    }
}
