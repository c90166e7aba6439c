using System.Net.Sockets;
using PartyMode.Cli.Hosting;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Limits;

/// <summary>The connection caps on a real server: TCP connections in total and per address, observer screens per address, idle connections.</summary>
public sealed class ConnectionGateTests
{
    private static Task<TestServer> StartAsync(int maxConnections = 0, int perAddress = 128, int observersPerAddress = 16, double idleSeconds = 10) =>
        TestServer.StartAsync(folder => new PartyServerOptions
        {
            DataDirectory = folder,
            Port = 0,
            BindAddress = "127.0.0.1",
            ActionRateCount = 10_000,
            ActionRateSeconds = 10,
            MaxConnections = maxConnections,
            MaxConnectionsPerAddress = perAddress,
            MaxObserversPerAddress = observersPerAddress,
            IdleConnectionTimeout = TimeSpan.FromSeconds(idleSeconds),
        });

    [Test]
    public async Task ObserverSockets_OverTheCapFromOneAddress_AreClosedWith1013AndOthersStillJoin()
    {
        await using var server = await StartAsync(observersPerAddress: 2);
        var tv = LoopbackFrom.Address(2);
        var screens = new List<SimulatedPlayer>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var screen = new SimulatedPlayer("observer", server.Token("observer"), () => server.WsUri) { From = tv };
                screens.Add(screen);
                await screen.ConnectAsync();
            }

            var third = new SimulatedPlayer("observer", server.Token("observer"), () => server.WsUri) { From = tv };
            screens.Add(third);
            await third.ConnectAsync(waitForWelcome: false);
            await third.WaitClosedAsync();
            Assert.That(third.CloseCode, Is.EqualTo(1013));
            Assert.That(third.OfType("welcome"), Is.Empty);

            var neighbour = new SimulatedPlayer("observer", server.Token("observer"), () => server.WsUri) { From = LoopbackFrom.Address(3) };
            screens.Add(neighbour);
            await neighbour.ConnectAsync();
            var player = new SimulatedPlayer("thorin", server.Token("thorin"), () => server.WsUri) { From = tv };
            screens.Add(player);
            await player.ConnectAsync();

            // Once one screen of that address closes, another gets in.
            await screens[0].DisconnectAsync();
            await Poll.UntilAsync(async () =>
            {
                var retry = new SimulatedPlayer("observer", server.Token("observer"), () => server.WsUri) { From = tv };
                screens.Add(retry);
                await retry.ConnectAsync(waitForWelcome: false);
                await Poll.UntilAsync(() => retry.CloseCode is not null || retry.OfType("welcome").Any(), "welcome or close");
                return retry.OfType("welcome").Any();
            }, "a freed observer slot to be taken");
        }
        finally
        {
            foreach (var s in screens)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task ObserverSockets_FromTheDmsOwnMachine_AreNotCapped()
    {
        await using var server = await StartAsync(observersPerAddress: 1);
        await using var first = await server.ConnectAsync("observer");
        await using var second = await server.ConnectAsync("observer");

        Assert.That(first.IsOpen && second.IsOpen, Is.True);
    }

    [Test]
    public async Task TcpConnections_OverTheCapPerAddress_Get503AndOtherAddressesAreServed()
    {
        await using var server = await StartAsync(perAddress: 4);
        var attacker = LoopbackFrom.Address(4);
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                held.Add(await LoopbackFrom.TcpAsync(attacker, server.Server.Port));
            }

            // The kernel completes a connect before the server accepts it, so the fifth may race the
            // fourth: ask again until the server has counted all four.
            var refused = "";
            await Poll.UntilAsync(async () =>
            {
                using var extra = await LoopbackFrom.TcpAsync(attacker, server.Server.Port);
                refused = await LoopbackFrom.GetAsync(extra, "/healthz");
                return refused.StartsWith("HTTP/1.1 503", StringComparison.Ordinal);
            }, "a fifth connection from the address to be refused");
            Assert.That(refused, Does.Contain("\"too_many_connections\"").And.Contain("Cache-Control: no-store"));

            using var neighbour = await LoopbackFrom.TcpAsync(LoopbackFrom.Address(5), server.Server.Port);
            Assert.That(await LoopbackFrom.GetAsync(neighbour, "/healthz"), Does.StartWith("HTTP/1.1 200"));
        }
        finally
        {
            held.ForEach(c => c.Dispose());
        }
    }

    [Test]
    public async Task TcpConnections_AtTheTotalCap_RefuseNewcomersKeepPlayersAndTheDmAndRecover()
    {
        await using var server = await StartAsync(maxConnections: 12, perAddress: 0);
        await using var player = new SimulatedPlayer("thorin", server.Token("thorin"), () => server.WsUri) { From = LoopbackFrom.Address(6) };
        await player.ConnectAsync();
        var flood = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 11; i++)
            {
                flood.Add(await LoopbackFrom.TcpAsync(LoopbackFrom.Address(7 + (i % 3)), server.Server.Port));
            }

            await Poll.UntilAsync(async () =>
            {
                using var probe = await LoopbackFrom.TcpAsync(LoopbackFrom.Address(20), server.Server.Port);
                return (await LoopbackFrom.GetAsync(probe, "/healthz")).StartsWith("HTTP/1.1 503", StringComparison.Ordinal);
            }, "the cap to be reached");

            // The DM's own machine has its reserve, and the player's socket keeps being served.
            await server.DmPostAsync("/api/dm/narrate", new { narrative = "The cave trembles." });
            await player.WaitForTextAsync("The cave trembles.");

            flood.ForEach(c => c.Dispose());
            await Poll.UntilAsync(async () =>
            {
                using var probe = await LoopbackFrom.TcpAsync(LoopbackFrom.Address(20), server.Server.Port);
                return (await LoopbackFrom.GetAsync(probe, "/healthz")).StartsWith("HTTP/1.1 200", StringComparison.Ordinal);
            }, "new connections to be served again once the flood left");
        }
        finally
        {
            flood.ForEach(c => c.Dispose());
        }
    }

    [Test]
    public async Task TcpConnections_SilentBeforeAnyRequest_AreClosedAfterTheIdleTimeout()
    {
        await using var server = await StartAsync(idleSeconds: 1);
        using var silent = await LoopbackFrom.TcpAsync(LoopbackFrom.Address(8), server.Server.Port);

        var received = await LoopbackFrom.ReadToEndAsync(silent.GetStream(), TimeSpan.FromSeconds(15));

        Assert.That(received, Is.Empty, "closed without an answer");
    }
}
