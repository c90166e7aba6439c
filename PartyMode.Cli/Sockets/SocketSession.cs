using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using PartyMode.Cli.Limits;
using PartyMode.Cli.Protocol;
using PartyMode.Cli.Security;
using PartyMode.Engine;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Sockets;

/// <summary>
/// One accepted WebSocket from its auth frame to its close (docs/protocol.md §4): auth, welcome, replay,
/// live events and client frames. Both ways in end here: the HTTP endpoint (<see cref="SocketEndpoint"/>) and
/// the upgrade taken at the connection (<see cref="SocketUpgrade"/>), which keeps no HTTP state per socket.
/// </summary>
internal sealed class SocketSession(
    Game game, SocketHub hub, AuthFailures authFailures, DmAccessPolicy dmAccess, CountingTimeProvider clock, Serilog.ILogger log,
    ObserverSockets observers)
{
    public const int MaxTabsPerPlayer = 8;
    public const int ReplayLimit = 1000;
    public const int DefaultReplay = 100;
    private static readonly TimeSpan AuthTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the socket until it closes; <paramref name="aborted"/> fires when its connection is gone.</summary>
    public async Task RunAsync(WebSocket socket, IPAddress? remote, CancellationToken aborted)
    {
        (string? Token, long? LastSeq)? auth;
        try
        {
            auth = await ReadAuthAsync(socket, clock, aborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // A phone that lost its Wi-Fi mid-connect: nothing to answer and nothing worth a stack trace.
            log.Debug("Socket from {Remote} dropped before authenticating", remote);
            return;
        }

        if (auth is null)
        {
            return;
        }

        var (token, lastSeq) = auth.Value;
        if (authFailures.IsBlocked(remote))
        {
            await SocketIo.CloseAsync(socket, 4429, "too many failed authentications");
            return;
        }

        var result = game.Authenticate(token);
        if (result.Status == AuthStatus.Invalid)
        {
            authFailures.RecordFailure(remote);
            await SocketIo.CloseAsync(socket, 4401, "invalid token");
            return;
        }

        if (result.Status == AuthStatus.Kicked)
        {
            await SocketIo.CloseAsync(socket, 4403, "the DM removed this seat");
            return;
        }

        var viewer = result.Viewer!;
        if (viewer.Role == Role.Dm && !dmAccess.IsDmAllowedFrom(remote))
        {
            await SocketIo.CloseAsync(socket, 4403, "the DM seat only connects from this machine");
            return;
        }

        var observer = viewer.Role == Role.Observer;
        if (observer && !observers.TryAcquire(remote))
        {
            // 1013 "try again later": the screen retries, and gets in once others from its address close.
            await SocketIo.CloseAsync(socket, 1013, "too many observer screens from this address");
            return;
        }

        var connection = new SocketConnection(socket, viewer, remote?.ToString() ?? "?", clock);
        if (!hub.TryAdd(connection, MaxTabsPerPlayer))
        {
            // Only player seats have a tab cap, so no observer slot is held here.
            await SocketIo.CloseAsync(socket, 4409, "more than 8 tabs on one seat");
            return;
        }

        log.Information("Socket open: seat {Seat} ({Role}) from {Remote}", viewer.SeatId, viewer.RoleName, connection.Remote);
        try
        {
            await SendWelcomeAndReplayAsync(connection, result.Name ?? viewer.SeatId, lastSeq, game, hub, aborted);
            connection.GoLive();
            var writer = connection.Finished;
            var reader = ReadLoopAsync(connection, game, clock, aborted);
            if (await Task.WhenAny(reader, writer) == reader)
            {
                connection.RequestClose(1000, "closed");
                await writer;
            }
            else if (await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)) != reader)
            {
                // We sent our close frame and the client never answered it.
                socket.Abort();
            }

            await Task.WhenAll(reader.ContinueWith(_ => { }, TaskScheduler.Default), writer);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away; nothing to tell anyone but the log.
        }
        finally
        {
            hub.Remove(connection);
            if (observer)
            {
                observers.Release(remote);
            }

            log.Information("Socket closed: seat {Seat} ({Role}) code {Code}", viewer.SeatId, viewer.RoleName, connection.CloseCode == 0 ? (int?)socket.CloseStatus : connection.CloseCode);
        }
    }

    private static async Task<(string? Token, long? LastSeq)?> ReadAuthAsync(WebSocket socket, TimeProvider clock, CancellationToken aborted)
    {
        // Cancelling a pending receive would abort the socket, so the deadline races the receive instead,
        // and the close frame can still be sent.
        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var deadline = Task.Delay(AuthTimeout, clock, stopTimer.Token);
        try
        {
            while (true)
            {
                var receive = SocketIo.ReceiveFrameAsync(socket, aborted);
                if (await Task.WhenAny(receive, deadline) == deadline)
                {
                    await SocketIo.CloseAsync(socket, 4408, "no auth frame within 10 s");
                    await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
                    return null;
                }

                var frame = await receive;
                if (frame is null)
                {
                    await SocketIo.CloseAsync(socket, 1000, "closed");
                    return null;
                }

                if (frame.Value.TooBig)
                {
                    await SocketIo.CloseAsync(socket, 1009, "frame too big");
                    return null;
                }

                try
                {
                    using var doc = JsonDocument.Parse(frame.Value.Bytes);
                    var root = doc.RootElement;
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueEquals("auth"))
                    {
                        var token = root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? TokenText(t) : null;
                        long? lastSeq = root.TryGetProperty("last_seq", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) && n >= 0 ? n : null;
                        return (token, lastSeq);
                    }
                }
                catch (JsonException)
                {
                    // Answered below like any other frame that is not an auth frame.
                }

                await SocketIo.SendAsync(socket, Frames.Error("auth_required", "Send {\"type\":\"auth\",\"token\":\"…\"} first."), aborted);
            }
        }
        finally
        {
            await stopTimer.CancelAsync();
        }
    }

    // A token that is no Unicode text (a lone surrogate, invalid UTF-8) is simply a wrong token: 4401.
    private static string TokenText(JsonElement token)
    {
        try
        {
            return token.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    private static async Task SendWelcomeAndReplayAsync(SocketConnection c, string name, long? lastSeq, Game game, SocketHub hub, CancellationToken ct)
    {
        var viewer = c.Viewer;
        // Registered first, then read the watermark: everything at or below it is replayed, everything
        // above it arrives through the queue, and the writer drops queued duplicates at or below it.
        var watermark = game.CommittedSeq;
        c.SkipThroughSeq = watermark;
        var welcome = game.Welcome(viewer);
        var newest = game.NewestVisibleSeq(viewer, watermark);
        var bytes = Frames.Welcome(viewer, name, newest, welcome, hub.IsConnected);
        await SocketIo.SendAsync(c.Socket, bytes, ct);

        if (lastSeq is null)
        {
            foreach (var e in game.NewestEvents(viewer, DefaultReplay, watermark))
            {
                await SocketIo.SendAsync(c.Socket, EventJson.Bytes(e), ct);
            }

            return;
        }

        if (lastSeq >= newest)
        {
            return;
        }

        var (events, hasMore) = game.EventsAfter(viewer, lastSeq.Value, ReplayLimit, watermark);
        if (hasMore)
        {
            await SocketIo.SendAsync(c.Socket, Frames.Resync(newest), ct);
            return;
        }

        foreach (var e in events)
        {
            await SocketIo.SendAsync(c.Socket, EventJson.Bytes(e), ct);
        }
    }

    private static async Task ReadLoopAsync(SocketConnection c, Game game, TimeProvider clock, CancellationToken ct)
    {
        while (c.Socket.State == WebSocketState.Open && c.CloseCode == 0)
        {
            var frame = await SocketIo.ReceiveFrameAsync(c.Socket, ct);
            if (frame is null)
            {
                return;
            }

            c.LastHeard = clock.GetUtcNow();
            if (frame.Value.TooBig)
            {
                c.RequestClose(1009, "frame too big", discardQueued: true);
                return;
            }

            await ClientFrames.HandleAsync(c, frame.Value.Bytes, game);
        }
    }
}
