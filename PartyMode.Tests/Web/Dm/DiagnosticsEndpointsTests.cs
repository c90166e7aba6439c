using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web.Dm;

/// <summary>GET /api/dm/diagnostics carries the runtime's own costs, which the benchmark subtracts per round.</summary>
public sealed class DiagnosticsEndpointsTests
{
    [Test]
    public async Task Diagnostics_AfterRequests_ReportJitTimeAndGcCounters()
    {
        await using var server = await TestServer.StartAsync();
        using var dm = server.Client("dm");
        var first = JsonDocument.Parse(await dm.GetStringAsync("/api/dm/diagnostics")).RootElement.Clone();
        await server.DmPostAsync("/api/dm/narrate", new { narrative = "The bell tolls." });
        var second = JsonDocument.Parse(await dm.GetStringAsync("/api/dm/diagnostics?gc=1")).RootElement.Clone();

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("jit_ms").GetDouble(), Is.GreaterThan(0), "the server's start-up was compiled");
            Assert.That(second.GetProperty("jit_methods").GetInt64(), Is.GreaterThanOrEqualTo(first.GetProperty("jit_methods").GetInt64()));
            Assert.That(second.GetProperty("jit_ms").GetDouble(), Is.GreaterThanOrEqualTo(first.GetProperty("jit_ms").GetDouble()));
            // ?gc=1 collects before answering, so the count moved.
            Assert.That(second.GetProperty("gc_collections").GetInt64(), Is.GreaterThan(first.GetProperty("gc_collections").GetInt64()));
            Assert.That(second.GetProperty("gc_pause_ms").GetDouble(), Is.GreaterThanOrEqualTo(0));
        });
    }
}
