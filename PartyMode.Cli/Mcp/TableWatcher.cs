using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>
/// Follows the daemon's DM WebSocket (<c>/ws</c>, docs/protocol.md §4) while a client subscribes to a resource or
/// takes channel notifications: each frame says which resource changed (<c>notifications/resources/updated</c>),
/// and each new <c>action</c> event becomes a Claude Code channel notification. Reconnects while the daemon is gone.
/// </summary>
internal sealed class TableWatcher(DaemonAccess access, ILogger<TableWatcher> logger) : IDisposable
{
    /// <summary>The Claude Code channel notification (code.claude.com channels reference).</summary>
    public const string ChannelMethod = "notifications/claude/channel";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, byte> subscribed = new(StringComparer.Ordinal);

    // subscriptions/listen streams (protocol 2026-07-28): id → the uris it asked for.
    private readonly ConcurrentDictionary<string, (JsonNode? Id, HashSet<string> Uris)> streams = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private McpServer? server;
    private bool channel;
    private Task? loop;

    public bool ChannelEnabled => channel;

    public void Subscribe(McpServer to, string uri)
    {
        subscribed[uri] = 0;
        Start(to);
    }

    public void Unsubscribe(string uri) => subscribed.TryRemove(uri, out _);

    /// <summary>A <c>subscriptions/listen</c> stream: its updates carry its id in <c>_meta</c> (SEP-2575).</summary>
    public void Listen(McpServer to, RequestId id, IEnumerable<string> uris)
    {
        JsonNode? idNode = id.Id is long number ? JsonValue.Create(number) : JsonValue.Create(id.Id?.ToString());
        streams[id.ToString()] = (idNode, [.. uris]);
        Start(to);
    }

    public void StopListening(RequestId id) => streams.TryRemove(id.ToString(), out _);

    public void EnableChannel(McpServer to)
    {
        channel = true;
        Start(to);
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private void Start(McpServer to)
    {
        lock (gate)
        {
            server = to;
            loop ??= Task.Run(() => RunAsync(stopping.Token));
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(first, cancellationToken);
                first = false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or DaemonNotRunningException or DaemonApiException or JsonException or UnauthorizedAccessException or HttpRequestException)
            {
                logger.LogDebug("The table watcher lost the daemon: {Kind}", e.GetType().Name);
            }

            try
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FollowAsync(bool first, CancellationToken cancellationToken)
    {
        var info = DaemonProbe.TryRead(access.Folder) ?? throw new DaemonNotRunningException("no daemon.json");
        var token = (await File.ReadAllTextAsync(access.Folder.DmTokenFile, cancellationToken)).Trim();
        var http = info.CallableUri();
        var uri = new UriBuilder(http) { Scheme = http.Scheme == "https" ? "wss" : "ws", Path = "/ws" }.Uri;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, cancellationToken);
        // A last_seq beyond any seq: no replay, only what happens from now on.
        await SendAsync(socket, new JsonObject { ["type"] = "auth", ["token"] = token, ["last_seq"] = long.MaxValue / 2 }.ToJsonString(), cancellationToken);
        long welcomeSeq = long.MaxValue;
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            message.SetLength(0);
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            using var document = JsonDocument.Parse(message.ToArray());
            var frame = document.RootElement;
            var type = frame.Str("type");
            if (type == "welcome")
            {
                welcomeSeq = frame.Long("last_seq");
                if (!first)
                {
                    // Anything may have changed while the daemon was away.
                    foreach (var known in subscribed.Keys.Concat(streams.Values.SelectMany(v => v.Uris)).Distinct())
                    {
                        await UpdatedAsync(known);
                    }
                }

                continue;
            }

            if (type == "ping")
            {
                await SendAsync(socket, """{"type":"pong"}""", cancellationToken);
                continue;
            }

            await OnFrameAsync(type, frame, welcomeSeq);
        }
    }

    private async Task OnFrameAsync(string type, JsonElement frame, long welcomeSeq)
    {
        var stored = frame.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number;
        if (stored)
        {
            await UpdatedAsync(PartyResources.StoryUri);
            if (type == "action" && seq.GetInt64() > welcomeSeq)
            {
                await UpdatedAsync(PartyResources.QueueUri);
                await ChannelAsync(frame.Prop("action"));
            }

            return;
        }

        switch (type)
        {
            case "action_status":
            case "roll_request":
                await UpdatedAsync(PartyResources.QueueUri);
                break;
            case "party_update":
            case "presence":
                await UpdatedAsync(PartyResources.PartyUri);
                break;
            case "character_update":
                await UpdatedAsync(PartyResources.PartyUri);
                await UpdatedAsync(PartyResources.CharacterUri(frame.Prop("character").Str("id")));
                break;
            case "combat_state":
                await UpdatedAsync(PartyResources.CombatUri);
                break;
        }
    }

    private async Task UpdatedAsync(string uri)
    {
        if (server is null)
        {
            return;
        }

        if (subscribed.ContainsKey(uri))
        {
            await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = uri }, cancellationToken: CancellationToken.None);
        }

        foreach (var (id, uris) in streams.Values.Where(s => s.Uris.Contains(uri)))
        {
            var update = new JsonObject { ["uri"] = uri, ["_meta"] = new JsonObject { [MetaKeys.SubscriptionId] = id?.DeepClone() } };
            await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, update, cancellationToken: CancellationToken.None);
        }
    }

    private async Task ChannelAsync(JsonElement action)
    {
        if (!channel || server is null || action.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var player = action.Str("player_id");
        var id = action.Str("id");
        var notice = new JsonObject
        {
            // No action text here: the model reads it delimited from party_pop_action.
            ["content"] = $"Player {player} submitted action {id}{(action.Bool("private") ? " (a private whisper to the DM)" : string.Empty)}: call party_pop_action to take it.",
            ["meta"] = new JsonObject { ["player"] = player, ["action_id"] = id, ["private"] = action.Bool("private") ? "true" : "false" },
        };
        await server.SendNotificationAsync(ChannelMethod, notice, cancellationToken: CancellationToken.None);
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
}
