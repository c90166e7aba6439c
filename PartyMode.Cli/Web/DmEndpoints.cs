using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Hosting;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web;

/// <summary>The DM API (PROTOCOL §3, second table), except combat.</summary>
internal static class DmEndpoints
{
    public static IEndpointRouteBuilder MapDmApi(this IEndpointRouteBuilder app)
    {
        var dm = app.MapGroup("/api/dm").WithMetadata(new RequireRole(Role.Dm));
        dm.MapGet("/status", Status);
        dm.MapGet("/seats", (ServerState s) => Wire.Json(w => SeatList.Write(w, s.Game, s.Links)));
        dm.MapGet("/actions", ListActions);
        dm.MapPost("/actions/next", NextAsync);
        dm.MapPost("/actions/{id}/resolve", ResolveAsync);
        dm.MapPost("/actions/{id}/requeue", async (ServerState s, string id) => Wire.Action(await s.Game.RequeueAsync(id)));
        dm.MapPost("/actions/{id}/cancel", CancelAsync);
        dm.MapPost("/narrate", NarrateAsync);
        dm.MapPost("/whisper", WhisperAsync);
        dm.MapPost("/roll", RollAsync);
        dm.MapGet("/characters", (ServerState s) => Wire.Object("characters", s.Game.ListCharacters()));
        dm.MapGet("/characters/{id}", (ServerState s, string id) => Wire.Object("character", s.Game.GetCharacter(Viewer.Dm, id)));
        dm.MapPatch("/characters/{id}", PatchCharacterAsync);
        dm.MapGet("/npcs", (ServerState s) => Wire.Object("npcs", s.Game.ListNpcs()));
        dm.MapGet("/npcs/{id}", (ServerState s, string id) => Wire.Object("npc", s.Game.GetNpc(id)));
        dm.MapPost("/npcs/{id}/reveal", RevealNpcAsync);
        dm.MapGet("/locations", (ServerState s) => Wire.Object("locations", s.Game.ListLocations()));
        dm.MapGet("/locations/{id}", (ServerState s, string id) => Wire.Object("location", s.Game.GetLocation(id)));
        dm.MapPost("/locations/{id}/reveal", RevealLocationAsync);
        dm.MapPost("/seats/{id}/token", RefreshAsync);
        dm.MapPost("/seats/{id}/kick", KickAsync);
        dm.MapGet("/seats/{id}/qr.png", Qr);
        dm.MapPost("/shutdown", Shutdown);
        dm.MapGet("/diagnostics", Diagnostics);
        return app;
    }

    private static IResult Status(ServerState state)
    {
        var game = state.Game;
        var counts = game.QueueCounts();
        return Wire.Json(w =>
        {
            w.WriteStartObject("urls");
            w.WriteString("lan", state.LanUrl);
            w.WriteString("local", state.LocalUrl);
            w.WriteEndObject();
            w.WriteString("version", BuildInfo.Version);
            w.WriteNumber("uptime_seconds", Math.Round((DateTimeOffset.UtcNow - state.StartedAt).TotalSeconds, 1));
            w.WriteStartObject("campaign");
            w.WriteString("id", game.Meta.CampaignId);
            w.WriteString("name", game.Meta.CampaignName);
            w.WriteEndObject();
            w.WriteStartArray("seats");
            foreach (var seat in game.Seats().Where(s => s.Role != Role.Dm))
            {
                w.WriteStartObject();
                w.WriteString("seat", seat.Id);
                w.WriteString("role", seat.Viewer.RoleName);
                w.WriteString("name", seat.Name);
                var connections = state.Hub.Connections(seat.Id);
                w.WriteBoolean("connected", connections > 0);
                w.WriteNumber("connections", connections);
                if (state.Hub.LastSeen(seat.Id) is { } seen)
                {
                    w.WriteString("last_seen", Protocol.EventJson.Iso(seen));
                }
                else
                {
                    w.WriteNull("last_seen");
                }

                w.WriteBoolean("kicked", seat.Kicked);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("queue");
            foreach (var (status, count) in counts)
            {
                w.WriteNumber(Protocol.StatusWords.Name(status), count);
            }

            w.WriteEndObject();
            Protocol.CombatJson.WriteProperty(w, game.CombatView(Viewer.Dm));
        });
    }

    private static IResult ListActions(HttpContext context, ServerState state)
    {
        var text = context.Request.Query["status"].ToString();
        ActionStatus? status = text.Length == 0 ? null : Protocol.StatusWords.Parse(text)
            ?? throw new GameException(ErrorKind.BadRequest, "bad_request", $"Unknown status '{text}': use {Protocol.StatusWords.All}.");
        return Wire.Actions(state.Game.ListActions(status));
    }

    private static async Task<IResult> NextAsync(HttpContext context, ServerState state)
    {
        var text = context.Request.Query["wait"].ToString();
        var wait = 0.0;
        if (text.Length > 0 && (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out wait) || wait < 0 || wait > 60))
        {
            throw new GameException(ErrorKind.BadRequest, "bad_request", "'wait' is seconds from 0 to 60.");
        }

        var action = await state.Game.NextActionAsync(TimeSpan.FromSeconds(wait), context.RequestAborted);
        return action is null ? Results.NoContent() : Wire.Action(action);
    }

    private static async Task<IResult> ResolveAsync(HttpContext context, ServerState state, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var (action, events) = await state.Game.ResolveAsync(id, body.String("narrative"), body.StringMap("private"), body.String("dm_only"), ParseAudience(body["audience"]));
        return Wire.Json(w =>
        {
            w.WritePropertyName("action");
            Protocol.EventJson.WriteAction(w, action);
            Wire.WriteEvents(w, events);
        });
    }

    private static async Task<IResult> CancelAsync(HttpContext context, ServerState state, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Action(await state.Game.CancelAsync(id, body.String("reason")));
    }

    private static async Task<IResult> NarrateAsync(HttpContext context, ServerState state)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var events = await state.Game.NarrateAsync(body.String("narrative"), ParseAudience(body["audience"]), body.StringMap("private"), body.String("dm_only"));
        return Wire.Events(events);
    }

    private static async Task<IResult> WhisperAsync(HttpContext context, ServerState state)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var to = body.Strings("to") ?? (body.String("to") is { } one ? [one] : []);
        return Wire.Events(await state.Game.WhisperAsync(to, body.String("text")));
    }

    private static async Task<IResult> RollAsync(HttpContext context, ServerState state)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var e = await state.Game.RollAsync(body.String("expr"), body.String("visibility"), body.String("for"), body.String("label"));
        return Wire.Json(w =>
        {
            w.WriteStartObject("roll");
            w.WriteString("expr", e.Expr);
            w.WriteNumber("total", e.Total ?? 0);
            w.WriteStartArray("rolls");
            foreach (var r in e.Rolls ?? [])
            {
                w.WriteNumberValue(r);
            }

            w.WriteEndArray();
            if (e.Label is not null)
            {
                w.WriteString("label", e.Label);
            }

            if (e.For is not null)
            {
                w.WriteString("for", e.For);
            }

            w.WriteNumber("seq", e.Seq);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> PatchCharacterAsync(HttpContext context, ServerState state, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Object("character", await state.Game.PatchCharacterAsync(id, body));
    }

    private static async Task<IResult> RevealNpcAsync(HttpContext context, ServerState state, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Object("npc", await state.Game.RevealNpcAsync(id, body.String("narrative")));
    }

    private static async Task<IResult> RevealLocationAsync(HttpContext context, ServerState state, string id)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        return Wire.Object("location", await state.Game.RevealLocationAsync(id, body.String("narrative")));
    }

    private static async Task<IResult> RefreshAsync(ServerState state, string id)
    {
        var token = await state.Game.RefreshSeatAsync(id);
        var url = state.JoinUrl(id);
        state.Links.WriteQr(id);
        return Wire.Json(w =>
        {
            w.WriteString("seat", id);
            w.WriteString("token", token);
            w.WriteString("url", url);
        });
    }

    private static async Task<IResult> KickAsync(ServerState state, string id)
    {
        var open = state.Hub.OpenSockets(id);
        await state.Game.KickSeatAsync(id);
        state.Links.DeleteQr(id);
        return Wire.Json(w =>
        {
            w.WriteString("seat", id);
            w.WriteBoolean("kicked", true);
            w.WriteNumber("closed_connections", open);
        });
    }

    private static IResult Qr(ServerState state, string id)
    {
        var seat = state.Game.Seats().FirstOrDefault(s => s.Id == id) ?? throw new GameException(ErrorKind.NotFound, "not_found", $"No seat '{id}'.");
        if (seat.Kicked)
        {
            throw new GameException(ErrorKind.Conflict, "seat_kicked", $"Seat '{id}' is kicked; refresh its token to get a new QR code.");
        }

        return Results.Bytes(QrCodes.RenderPng(state.JoinUrl(id)), "image/png");
    }

    /// <summary>Counters for soak tests and benchmarks; <c>?gc=1</c> runs a full collection first.</summary>
    private static IResult Diagnostics(HttpContext context, ServerState state)
    {
        if (context.Request.Query["gc"] == "1")
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        var counts = state.Game.QueueCounts();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return Wire.Json(w =>
        {
            w.WriteNumber("connections", state.Hub.ConnectionCount);
            w.WriteNumber("queued_frames", state.Hub.QueuedFrames);
            w.WriteNumber("pending_actions", counts[ActionStatus.Pending]);
            w.WriteNumber("processing_actions", counts[ActionStatus.Processing]);
            w.WriteNumber("active_timers", state.Time.ActiveTimers);
            w.WriteNumber("gc_heap_bytes", GC.GetTotalMemory(forceFullCollection: false));
            w.WriteNumber("working_set_bytes", process.WorkingSet64);
            w.WriteNumber("handles", process.HandleCount);
            w.WriteNumber("committed_changes", state.Store.CommittedChangeSets);
            w.WriteNumber("transactions", state.Store.Transactions);
            w.WriteNumber("checkpoints", state.Store.Checkpoints);
        });
    }

    private static IResult Shutdown(ServerState state)
    {
        state.RequestShutdown?.Invoke();
        return Wire.Json(w => w.WriteBoolean("stopping", true), 202);
    }

    private static Audience? ParseAudience(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            if (array.Any(n => n?.GetValueKind() != JsonValueKind.String) || array.Count == 0)
            {
                throw new GameException(ErrorKind.BadRequest, "bad_request", "'audience' as a list names at least one player id.");
            }

            return Audience.Players(array.Select(n => n!.GetValue<string>()));
        }

        return (node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : "") switch
        {
            "public" => Audience.Public,
            "party" => Audience.Party,
            "dm" => Audience.DmOnly,
            _ => throw new GameException(ErrorKind.BadRequest, "bad_request", "'audience' is \"public\", \"party\", \"dm\" or a list of player ids."),
        };
    }
}
