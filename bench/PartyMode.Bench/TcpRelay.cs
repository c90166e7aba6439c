using System.Net;
using System.Net.Sockets;

namespace PartyMode.Bench;

/// <summary>
/// A plain TCP relay between the browser and the server, so the page benchmark can cut a phone's
/// connections and refuse new ones (out of Wi-Fi reach) without routing every frame through the
/// browser driver, which would cost more than the page's own work.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _away;

    public TcpRelay(IPEndPoint server)
    {
        _server = server;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Closes every relayed connection and refuses new ones until <see cref="Back"/>.</summary>
    public void Away()
    {
        _away = true;
        lock (_open)
        {
            foreach (var c in _open)
            {
                c.Client.LingerState = new LingerOption(true, 0);
                c.Dispose();
            }

            _open.Clear();
        }
    }

    public void Back() => _away = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Away();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var browser = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (_away)
            {
                browser.Client.LingerState = new LingerOption(true, 0);
                browser.Dispose();
                continue;
            }

            _ = RelayAsync(browser);
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        var server = new TcpClient { NoDelay = true };
        browser.NoDelay = true;
        lock (_open)
        {
            _open.Add(browser);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(_server, _stop.Token);
            var a = browser.GetStream();
            var b = server.GetStream();
            // Either direction ending ends both: closing one side closes the pair.
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(browser);
                _open.Remove(server);
            }

            browser.Dispose();
            server.Dispose();
        }
    }
}
