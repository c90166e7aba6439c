using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>
/// Resources with subscriptions, completions and the Claude Code channel push: the parts of the MCP server that
/// follow the live table through <see cref="TableWatcher"/> (docs/mcp.md "Resources", "Push").
/// </summary>
internal static class McpTableFeatures
{
    /// <summary>Set to 1 to push channel notifications even when the client does not declare <c>claude/channel</c>.</summary>
    public const string ChannelVariable = "PARTYMODE_MCP_CHANNEL";

    private const string ChannelCapability = "claude/channel";

    public static IMcpServerBuilder WithPartyModeTable(this IMcpServerBuilder mcp)
    {
        mcp.Services.AddSingleton<TableWatcher>();
        mcp.Services.Configure<McpServerOptions>(options =>
        {
            options.Capabilities ??= new ServerCapabilities();
            options.Capabilities.Experimental ??= new Dictionary<string, object>();
            options.Capabilities.Experimental[ChannelCapability] = new JsonObject();
        });

        return mcp.WithResources<PartyResources>()
            .WithSubscribeToResourcesHandler((context, _) =>
            {
                if (context.Params?.Uri is { Length: > 0 } uri)
                {
                    context.Services!.GetRequiredService<TableWatcher>().Subscribe(context.Server, uri);
                }

                return ValueTask.FromResult(new EmptyResult());
            })
            .WithUnsubscribeFromResourcesHandler((context, _) =>
            {
                if (context.Params?.Uri is { Length: > 0 } uri)
                {
                    context.Services!.GetRequiredService<TableWatcher>().Unsubscribe(uri);
                }

                return ValueTask.FromResult(new EmptyResult());
            })
            .WithSubscriptionsListenHandler(ListenAsync)
            .WithCompleteHandler(CompleteAsync)
            .WithMessageFilters(filters => filters.AddIncomingFilter(next => async (context, cancellationToken) =>
            {
                await next(context, cancellationToken);
                // The initialize handshake declares capabilities once; protocol 2026-07-28 declares them on every request.
                var declared = context.JsonRpcMessage is JsonRpcNotification { Method: NotificationMethods.InitializedNotification } && WantsChannel(context.Server.ClientCapabilities);
                declared |= context.JsonRpcMessage is JsonRpcRequest && WantsChannel(context.JsonRpcMessage.Context?.ClientCapabilities);
                if (declared)
                {
                    context.Server.Services!.GetRequiredService<TableWatcher>().EnableChannel(context.Server);
                }
            }));
    }

    private static bool WantsChannel(ClientCapabilities? capabilities) =>
        capabilities?.Experimental?.ContainsKey(ChannelCapability) == true
        || Environment.GetEnvironmentVariable(ChannelVariable) == "1";

    // subscriptions/listen (protocol 2026-07-28): acknowledge the resource uris, stream their updates until cancelled.
    private static async ValueTask<EmptyResult> ListenAsync(RequestContext<SubscriptionsListenRequestParams> context, CancellationToken cancellationToken)
    {
        var watcher = context.Services!.GetRequiredService<TableWatcher>();
        var id = context.JsonRpcRequest.Id;
        var uris = context.Params?.Notifications?.ResourceSubscriptions ?? [];
        var granted = new SubscriptionsListenNotifications { ResourceSubscriptions = uris.Count > 0 ? [.. uris] : null };
        var ack = JsonSerializer.SerializeToNode(new SubscriptionsAcknowledgedNotificationParams { Notifications = granted }, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<SubscriptionsAcknowledgedNotificationParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(SubscriptionsAcknowledgedNotificationParams)))!.AsObject();
        ack["_meta"] = new JsonObject { [MetaKeys.SubscriptionId] = id.Id is long number ? JsonValue.Create(number) : JsonValue.Create(id.Id?.ToString()) };
        await context.Server.SendNotificationAsync(NotificationMethods.SubscriptionsAcknowledgedNotification, ack, cancellationToken: cancellationToken);
        watcher.Listen(context.Server, id, uris);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client closed the stream.
        }
        finally
        {
            watcher.StopListening(id);
        }

        return new EmptyResult();
    }

    private static async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        var argument = context.Params?.Argument;
        var typed = argument?.Value ?? string.Empty;
        var values = new List<string>();
        try
        {
            var client = context.Services!.GetRequiredService<DaemonAccess>().Client();
            values = context.Params?.Ref switch
            {
                PromptReference when argument?.Name == "player" => await SeatIdsAsync(client, cancellationToken),
                ResourceTemplateReference r when r.Uri == PartyResources.CharacterTemplate && argument?.Name == "id" => await EntityIdsAsync(client, cancellationToken),
                _ => [],
            };
        }
        catch (Exception e) when (e is DaemonNotRunningException or DaemonApiException)
        {
            // No daemon: nothing to suggest.
        }

        var matches = values.Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToList();
        return new CompleteResult { Completion = new Completion { Values = [.. matches.Take(100)], Total = matches.Count, HasMore = matches.Count > 100 } };
    }

    private static async Task<List<string>> SeatIdsAsync(DaemonClient client, CancellationToken cancellationToken)
    {
        var seats = await client.SeatsAsync(cancellationToken);
        return [.. seats.Items("seats").Where(s => s.Str("role") != "dm").Select(s => s.Str("seat"))];
    }

    private static async Task<List<string>> EntityIdsAsync(DaemonClient client, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        ids.AddRange((await client.CharactersAsync(cancellationToken)).Items("characters").Select(c => c.Str("id")));
        ids.AddRange((await client.NpcsAsync(cancellationToken)).Items("npcs").Select(c => c.Str("id")));
        ids.AddRange((await client.LocationsAsync(cancellationToken)).Items("locations").Select(c => c.Str("id")));
        return ids;
    }
}
