using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PartyMode.Cli.Sockets;

/// <summary>
/// A connection's first request, read as a WebSocket upgrade to <c>/ws</c> (RFC 6455 §4.2.1): the request
/// line, then Host, Upgrade, Connection, Sec-WebSocket-Key, Sec-WebSocket-Version 13 and the Origin check of
/// <see cref="SocketEndpoint.OriginAllowed"/>. Anything it does not fully understand is passed to HTTP.
/// </summary>
internal sealed class UpgradeRequest
{
    /// <summary>The largest request head looked at; a longer one goes to HTTP (and its limits).</summary>
    public const int MaxHead = 8192;
    private static readonly byte[] Get = "GET /ws"u8.ToArray();
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private UpgradeRequest(string key) => Key = key;

    public string Key { get; }

    public static (UpgradeVerdict Verdict, UpgradeRequest? Request, SequencePosition End) Inspect(ReadOnlySequence<byte> buffer)
    {
        var length = (int)Math.Min(buffer.Length, MaxHead);
        Span<byte> start = stackalloc byte[Get.Length + 1];
        var have = (int)Math.Min(length, start.Length);
        buffer.Slice(0, have).CopyTo(start);
        if (!Get.AsSpan(0, Math.Min(have, Get.Length)).SequenceEqual(start[..Math.Min(have, Get.Length)]))
        {
            return (UpgradeVerdict.Pass, null, buffer.Start);
        }

        if (have < start.Length)
        {
            return (UpgradeVerdict.NeedMore, null, buffer.Start);
        }

        if (start[Get.Length] is not ((byte)' ' or (byte)'?'))
        {
            return (UpgradeVerdict.Pass, null, buffer.Start);
        }

        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            buffer.Slice(0, length).CopyTo(bytes);
            var head = bytes.AsSpan(0, length);
            var end = head.IndexOf(EndOfHead);
            if (end < 0)
            {
                return (length >= MaxHead ? UpgradeVerdict.Pass : UpgradeVerdict.NeedMore, null, buffer.Start);
            }

            var request = Parse(Encoding.Latin1.GetString(head[..end]));
            return request is null
                ? (UpgradeVerdict.Pass, null, buffer.Start)
                : (UpgradeVerdict.Take, request, buffer.GetPosition(end + EndOfHead.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The 101 answer: the accept value is the key's SHA-1 with RFC 6455's GUID, in base64.</summary>
    public byte[] SwitchingProtocols()
    {
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for the accept value; it protects nothing here
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(Key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        return Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {accept}\r\n\r\n");
    }

    private static UpgradeRequest? Parse(string head)
    {
        var lines = head.Split("\r\n");
        var line = lines[0].Split(' ');
        if (line.Length != 3 || line[0] != "GET" || line[2] != "HTTP/1.1" || (line[1] != "/ws" && !line[1].StartsWith("/ws?", StringComparison.Ordinal)))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            // A malformed line, a repeated header or a body: HTTP's rules decide.
            if (colon <= 0 || !headers.TryAdd(lines[i][..colon], lines[i][(colon + 1)..].Trim()))
            {
                return null;
            }
        }

        if (headers.ContainsKey("Content-Length") || headers.ContainsKey("Transfer-Encoding") || !headers.TryGetValue("Host", out var host))
        {
            return null;
        }

        var key = headers.GetValueOrDefault("Sec-WebSocket-Key");
        var keyOk = key is not null && key.Length == 24 && Convert.TryFromBase64String(key, new byte[18], out var n) && n == 16;
        return !keyOk || headers.GetValueOrDefault("Sec-WebSocket-Version") != "13"
            || !HasToken(headers.GetValueOrDefault("Upgrade"), "websocket") || !HasToken(headers.GetValueOrDefault("Connection"), "upgrade")
            || !SocketEndpoint.OriginAllowed(headers.GetValueOrDefault("Origin"), host)
            ? null
            : new UpgradeRequest(key!);
    }

    private static bool HasToken(string? value, string token) =>
        value is not null && value.Split(',').Any(t => t.Trim().Equals(token, StringComparison.OrdinalIgnoreCase));
}
