using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Seed criterion 14: a 30-minute session on simulated time leaks nothing and drops no one.</summary>
[Category("E2E")]
public sealed class Criterion14Tests
{
    [Test]
    public async Task C14_SessionStability_ThirtySimulatedMinutesOfContinuousActions()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var table = await Table.OpenAsync(time);
        foreach (var viewer in table.Everyone)
        {
            viewer.KeepOnly = raw => raw.Contains("[SETTLE-", StringComparison.Ordinal);
        }

        using var dm = table.Server.Client("dm");
        var resolved = 0;

        async Task PlayAsync(TimeSpan length)
        {
            // Each player acts every 2 s, staggered by half a second; the DM resolves each action as it comes.
            var steps = (int)(length.TotalSeconds / 0.5);
            for (var step = 0; step < steps; step++)
            {
                time.Advance(TimeSpan.FromMilliseconds(500));
                var player = table.Players[TestServer.Players[step % 4]];
                await player.SendActionAsync($"step {step}", $"s-{resolved}-{step}");
                HttpResponseMessage next;
                do
                {
                    next = await dm.PostAsync("/api/dm/actions/next?wait=0", null);
                }
                while ((int)next.StatusCode == 204);

                var id = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("action").GetProperty("id").GetString();
                var resolve = await dm.PostAsJsonAsync($"/api/dm/actions/{id}/resolve", new { narrative = $"outcome {step}" });
                Assert.That((int)resolve.StatusCode, Is.EqualTo(200));
                resolved++;
            }
        }

        async Task<JsonElement> DiagnosticsAsync()
        {
            await table.SettleAsync($"[SETTLE-{resolved}]");
            await Poll.UntilAsync(async () => (await dm.GetFromJsonAsync<JsonElement>("/api/dm/diagnostics")).GetProperty("queued_frames").GetInt32() == 0, "queues to drain");
            return await dm.GetFromJsonAsync<JsonElement>("/api/dm/diagnostics?gc=1");
        }

        await PlayAsync(TimeSpan.FromMinutes(2));
        var warm = await DiagnosticsAsync();
        var eventsAtWarmUp = table.Players["thorin"].EventsReceived;
        await PlayAsync(TimeSpan.FromMinutes(30));
        var end = await DiagnosticsAsync();

        TestContext.Out.WriteLine($"warm-up: {warm}");
        TestContext.Out.WriteLine($"after 30 simulated minutes: {end}");
        Assert.Multiple(() =>
        {
            Assert.That(resolved, Is.EqualTo(32 * 60 * 2));
            foreach (var viewer in table.Everyone)
            {
                Assert.That(viewer.Connections, Is.EqualTo(1), $"{viewer.Seat} reconnected");
                Assert.That(viewer.IsOpen, Is.True, $"{viewer.Seat} dropped");
                Assert.That(viewer.Frames.Count(f => f.Type == "error"), Is.Zero, $"{viewer.Seat} got errors");
            }

            // Every player heard every action and every outcome of the 30 minutes.
            Assert.That(table.Players["thorin"].EventsReceived - eventsAtWarmUp, Is.GreaterThanOrEqualTo(30 * 60 * 2 * 2));
            foreach (var counter in new[] { "connections", "queued_frames", "pending_actions", "processing_actions", "active_timers" })
            {
                Assert.That(end.GetProperty(counter).GetInt64(), Is.EqualTo(warm.GetProperty(counter).GetInt64()), counter);
            }

            var growth = end.GetProperty("gc_heap_bytes").GetInt64() - warm.GetProperty("gc_heap_bytes").GetInt64();
            TestContext.Out.WriteLine($"managed heap growth: {growth / 1024.0 / 1024.0:0.0} MiB");
            Assert.That(growth, Is.LessThan(20L * 1024 * 1024));
        });
    }
}
