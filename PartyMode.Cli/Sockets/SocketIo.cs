using System.Buffers;
using System.Net.WebSockets;

namespace PartyMode.Cli.Sockets;

/// <summary>Reading, sending and closing one WebSocket frame at a time, with the frame-size limit.</summary>
internal static class SocketIo
{
    public const int MaxFrameBytes = 64 * 1024;

    public static async Task<(byte[] Bytes, bool TooBig)?> ReceiveFrameAsync(WebSocket socket, CancellationToken ct)
    {
        // Wait with a zero-byte read, so an idle socket holds no buffer; rent one only when a frame arrives.
        var probe = await socket.ReceiveAsync(Memory<byte>.Empty, ct);
        if (probe.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            byte[]? message = null;
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                if (length + result.Count > MaxFrameBytes)
                {
                    return (Array.Empty<byte>(), true);
                }

                if (result.EndOfMessage && message is null)
                {
                    // The common case: one small frame read in one go, copied once.
                    return (buffer.AsSpan(0, result.Count).ToArray(), false);
                }

                message ??= new byte[MaxFrameBytes];
                buffer.AsSpan(0, result.Count).CopyTo(message.AsSpan(length));
                length += result.Count;
                if (result.EndOfMessage)
                {
                    return (message.AsSpan(0, length).ToArray(), false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static Task SendAsync(WebSocket socket, byte[] bytes, CancellationToken ct) =>
        socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, endOfMessage: true, ct);

    public static async Task CloseAsync(WebSocket socket, int code, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            socket.Abort();
        }
    }
}
