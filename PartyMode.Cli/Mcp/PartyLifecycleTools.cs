using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>Starting, stopping and inspecting the Party Mode daemon.</summary>
[McpServerToolType]
internal sealed class PartyLifecycleTools(DaemonAccess access, DaemonLauncher launcher)
{
    [McpServerTool(Name = "start_party_mode", Title = "Start Party Mode", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Starts the Party Mode server in the background (if it is not already running) so players can join from their phones, waits until it answers, and returns the join link and QR image path of every seat. Call this first, before any other party_* tool, or whenever a tool says Party Mode is not running. Example: start_party_mode() or start_party_mode(port=8081).")]
    public async Task<CallToolResult> StartPartyMode(
        [Description("TCP port for the players' web page. Leave it out for the default (8080); pass another one (e.g. 8081) if 8080 is taken.")] int? port = null,
        [Description("Path of a campaign JSON file to import on the first run of this data folder. Leave it out for the stored game (or the built-in demo campaign on a fresh folder).")] string? campaign = null,
        CancellationToken cancellationToken = default)
    {
        var alreadyRunning = true;
        DaemonClient? client = await DaemonClient.TryConnectAsync(access.Folder, cancellationToken);
        try
        {
            if (client is null)
            {
                alreadyRunning = false;
                try
                {
                    await launcher.StartAsync(port, campaign, cancellationToken);
                }
                catch (Exception e) when (e is DaemonStartException or InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
                {
                    return ToolResults.Error(e.Message, "start_failed");
                }

                client = await DaemonClient.ConnectAsync(access.Folder, cancellationToken);
            }

            var status = await client.StatusAsync(cancellationToken);
            var seats = await client.SeatsAsync(cancellationToken);
            var text = new StringBuilder(alreadyRunning ? "Party Mode was already running" : "Party Mode started");
            text.Append($" (data folder {access.Folder.Root}).\n");
            var urls = status.Prop("urls");
            if (urls.ValueKind == JsonValueKind.Object)
            {
                foreach (var url in urls.EnumerateObject())
                {
                    text.Append($"{(url.Name == "lan" ? "LAN (players)" : url.Name == "local" ? "Local (this machine)" : url.Name)} URL: {url.Value.GetString()}\n");
                }
            }

            text.Append("Join links (players open the link or scan the QR image on the same network; the dm link is the game master's own):\n");
            foreach (var seat in seats.Items("seats"))
            {
                text.Append("- ").Append(Summaries.Seat(seat)).Append('\n');
            }

            var structured = new JsonObject
            {
                ["already_running"] = alreadyRunning,
                ["data_folder"] = access.Folder.Root,
                ["urls"] = urls.ValueKind == JsonValueKind.Object ? JsonNode.Parse(urls.GetRawText()) : new JsonObject(),
                ["seats"] = JsonNode.Parse(seats.Prop("seats").ValueKind == JsonValueKind.Array ? seats.Prop("seats").GetRawText() : "[]"),
            };
            return QrImages.With(ToolResults.Ok(text.ToString().TrimEnd(), JsonText.Element(structured)), seats.Items("seats"));
        }
        catch (DaemonNotRunningException)
        {
            return ToolResults.Error("Party Mode started but stopped answering at once: check the log in " + access.Folder.LogFolder + " and call start_party_mode again.", "not_running");
        }
        catch (DaemonApiException e)
        {
            return ToolResults.Error(ToolResults.Describe(e), e.Code);
        }
        finally
        {
            client?.Dispose();
        }
    }

    [McpServerTool(Name = "stop_party_mode", Title = "Stop Party Mode", Destructive = false, OpenWorld = false)]
    [Description("Stops the Party Mode server gracefully: players' pages are told the server is stopping, and every stored action (pending ones too) stays in the data folder for the next start_party_mode. Call it when the session ends. Reports how many actions remain waiting. Example: stop_party_mode().")]
    public Task<CallToolResult> StopPartyMode(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var result = await DaemonStopper.StopAsync(client, cancellationToken);
            var structured = JsonText.Element(new JsonObject { ["stopped"] = result.Stopped, ["pending"] = result.Pending, ["processing"] = result.Processing });
            return result.Stopped
                ? ToolResults.Ok("Party Mode stopped. " + result.Describe(), structured)
                : ToolResults.Error($"Asked Party Mode to stop, but it still answers after {DaemonStopper.Timeout.TotalSeconds:0} s: ask the game master to run 'partymode stop' or check the log in {access.Folder.LogFolder}.", "stop_timeout");
        });

    [McpServerTool(Name = "get_party_status", Title = "Party status", ReadOnly = true, OpenWorld = false)]
    [Description("Shows the running Party Mode server's state: URLs, uptime, campaign, each seat (connected or not, last seen, kicked), the action queue counts (pending, processing, resolved, cancelled) and the combat state. Call it to see who is at the table, whether actions wait, or whose turn it is. Example: get_party_status().")]
    public Task<CallToolResult> GetPartyStatus(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(access, async client =>
        {
            var status = await client.StatusAsync(cancellationToken);
            var open = await TableSnapshot.OpenActionsAsync(client, cancellationToken);
            var requests = await TableSnapshot.OpenRollRequestsAsync(client, cancellationToken);
            var lastSeq = await TableSnapshot.LastSeqAsync(client, cancellationToken);
            var text = new StringBuilder(StatusText.Format(status, access.Folder).TrimEnd());
            text.Append("\nOpen actions: ").Append(open.Count == 0 ? "none" : string.Empty);
            foreach (var action in open)
            {
                text.Append("\n- ").Append(Summaries.Action(action));
            }

            text.Append("\nOpen roll requests: ").Append(requests.Count == 0 ? "none" : string.Join(", ", requests.Select(r => $"{r.Str("id")} ({r.Str("player")}: {r.Str("expr")}{(r.Str("dc").Length > 0 ? " DC " + r.Str("dc") : string.Empty)})")));
            text.Append($"\nStory: last_seq {lastSeq} (party_get_story(after_seq={Math.Max(0, lastSeq - 50)}) reads the newest 50 events).");
            if (open.Count > 0)
            {
                text.Append('\n').Append(PlayerText.Rule);
            }

            var structured = JsonNode.Parse(status.GetRawText())!.AsObject();
            structured["open_actions"] = new JsonArray([.. open.Select(a => JsonNode.Parse(a.GetRawText()))]);
            structured["roll_requests"] = new JsonArray([.. requests.Select(r => JsonNode.Parse(r.GetRawText()))]);
            structured["last_seq"] = lastSeq;
            return ToolResults.Ok(text.ToString(), JsonText.Element(structured));
        });
}
