using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyMode.Cli.Hosting;
using PartyMode.Cli.Security;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Security;

public sealed class AccessLimitTests
{
    [Test]
    public void AuthFailures_OverLimitFromOneAddress_BlocksThatAddressForTheMinute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var failures = new AuthFailures(20, time);
        var attacker = IPAddress.Parse("192.168.1.66");
        var neighbour = IPAddress.Parse("192.168.1.67");
        for (var i = 0; i < 20; i++)
        {
            failures.RecordFailure(attacker);
        }

        Assert.That(failures.IsBlocked(attacker), Is.False, "20 a minute is still allowed");
        failures.RecordFailure(attacker);
        Assert.That(failures.IsBlocked(attacker), Is.True);
        Assert.That(failures.IsBlocked(neighbour), Is.False);
        for (var i = 0; i < 100; i++)
        {
            failures.RecordFailure(IPAddress.Loopback);
        }

        Assert.That(failures.IsBlocked(IPAddress.Loopback), Is.False, "loopback is exempt");
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(failures.IsBlocked(attacker), Is.False, "a new minute");
    }

    [Test]
    public async Task BruteForce_OverHttpAndWs_Gets429ThenRecoversNextMinute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var folder = new TempFolder();
        await using var server = await PartyServer.StartAsync(new PartyServerOptions
        {
            DataDirectory = folder.Path,
            Port = 0,
            BindAddress = "127.0.0.1",
            AuthFailLimit = 5,
            TimeProvider = time,
            ExemptLoopbackFromAuthLimit = false,
        });
        using var guesser = new HttpClient { BaseAddress = new Uri(server.LocalUrl) };
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string((char)('A' + i), 32));
            Assert.That((await guesser.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var honest = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        honest.Headers.TryAddWithoutValidation("Authorization", "Bearer " + server.TokenFor("thorin"));
        var blocked = await guesser.SendAsync(honest);
        Assert.That((int)blocked.StatusCode, Is.EqualTo(429));
        Assert.That(await blocked.Content.ReadAsStringAsync(), Does.Contain("too_many_failures"));
        var ws = new SimulatedPlayer("thorin", server.TokenFor("thorin"), () => new Uri(server.LocalUrl.Replace("http", "ws", StringComparison.Ordinal) + "/ws"));
        await ws.ConnectAsync(waitForWelcome: false);
        await ws.WaitClosedAsync();
        Assert.That(ws.CloseCode, Is.EqualTo(4429));
        await ws.DisposeAsync();

        time.Advance(TimeSpan.FromMinutes(1));
        using var later = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        later.Headers.TryAddWithoutValidation("Authorization", "Bearer " + server.TokenFor("thorin"));
        Assert.That((await guesser.SendAsync(later)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DmApi_FromAnotherMachine_IsRefusedUnlessAllowed()
    {
        await using var server = await TestServer.StartAsync();
        var state = server.Server.Services.GetRequiredService<DmAccessPolicy>();
        Assert.That(state.IsDmAllowedFrom(IPAddress.Loopback), Is.True);
        Assert.That(state.IsDmAllowedFrom(IPAddress.IPv6Loopback), Is.True);
        Assert.That(state.IsDmAllowedFrom(IPAddress.Parse("203.0.113.9")), Is.False);
        foreach (var own in LanAddresses.Candidates())
        {
            Assert.That(state.IsDmAllowedFrom(own), Is.True, $"{own} is this machine");
        }

        using var folder = new TempFolder();
        await using var open = await PartyServer.StartAsync(new PartyServerOptions { DataDirectory = folder.Path, Port = 0, BindAddress = "127.0.0.1", AllowRemoteDm = true });
        Assert.That(open.Services.GetRequiredService<DmAccessPolicy>().IsDmAllowedFrom(IPAddress.Parse("203.0.113.9")), Is.True);
    }

    [Test]
    public async Task Serve_SecondDaemonOnSameFolder_RefusesWithClearMessage()
    {
        using var folder = new TempFolder();
        await using var first = await DaemonProcess.StartAsync(folder.Path);
        using var second = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(RepoPaths.Executable)
        {
            ArgumentList = { "serve", "--data", folder.Path, "--port", "0", "--bind", "127.0.0.1" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = await second.StandardError.ReadToEndAsync();
        await second.WaitForExitAsync();
        Assert.That(second.ExitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("already running").And.Contain(folder.Path));
        using var client = first.Client(null);
        Assert.That((await client.GetStringAsync("/healthz")), Does.Contain("ok"), "the first daemon is untouched");
    }
}
