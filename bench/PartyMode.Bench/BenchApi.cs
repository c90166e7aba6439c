using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PartyMode.Bench;

/// <summary>The few HTTP calls the benchmark makes (same paths on PartyMode and the relay).</summary>
internal sealed class BenchApi(string baseUrl, string dmToken) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    public string DmToken { get; } = dmToken;

    public async Task<IReadOnlyList<Seat>> SeatsAsync(CancellationToken ct)
    {
        using var doc = await GetJsonAsync("/api/dm/seats", ct);
        return doc.RootElement.GetProperty("seats").EnumerateArray()
            .Select(s => new Seat(s.GetProperty("seat").GetString()!, s.GetProperty("role").GetString()!, s.GetProperty("token").GetString()!))
            .ToList();
    }

    /// <summary>POST /api/actions as a player; returns the status code (202 when accepted) and the action id.</summary>
    public async Task<(HttpStatusCode Status, string? Id)> PostActionAsync(string token, string text, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "/api/actions", token, new { text });
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (response.StatusCode, null);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        return (response.StatusCode, doc.RootElement.GetProperty("action").GetProperty("id").GetString());
    }

    /// <summary>POST /api/actions without reading the answer's body (the intake loop).</summary>
    public async Task<HttpStatusCode> PostActionFastAsync(string token, byte[] jsonBody, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions") { Content = new ByteArrayContent(jsonBody) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.StatusCode;
    }

    /// <summary>POST /api/dm/actions/next: the action now processing (id, player), or null (204).</summary>
    public async Task<(string Id, string PlayerId)?> NextAsync(CancellationToken ct, int waitSeconds = 0)
    {
        using var request = Request(HttpMethod.Post, $"/api/dm/actions/next?wait={waitSeconds}", DmToken, null);
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        await EnsureOkAsync(response, "actions/next", ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var action = doc.RootElement.GetProperty("action");
        return (action.GetProperty("id").GetString()!, action.GetProperty("player_id").GetString()!);
    }

    /// <summary>POST /api/dm/actions/{id}/resolve with a public narrative and one private part.</summary>
    public async Task ResolveAsync(string actionId, string narrative, string privateTo, string privateText, CancellationToken ct)
    {
        var body = new Dictionary<string, object>
        {
            ["narrative"] = narrative,
            ["private"] = new Dictionary<string, string> { [privateTo] = privateText },
        };
        using var request = Request(HttpMethod.Post, $"/api/dm/actions/{actionId}/resolve", DmToken, body);
        using var response = await _http.SendAsync(request, ct);
        await EnsureOkAsync(response, "resolve", ct);
    }

    /// <summary>POST /api/rolls as a player (the mixed-traffic row): the status code, 201 when rolled.</summary>
    public async Task<HttpStatusCode> RollAsync(string token, string expr, string label, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "/api/rolls", token, new { expr, label });
        using var response = await _http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.StatusCode;
    }

    /// <summary>POST /api/characters/{id}/changes with one free op (temporary HP): the status code, 200 when applied.</summary>
    public async Task<HttpStatusCode> ChangeSheetAsync(string token, string characterId, int tempHp, CancellationToken ct)
    {
        var body = new { ops = new[] { new { op = "temp_hp", value = tempHp } } };
        using var request = Request(HttpMethod.Post, $"/api/characters/{characterId}/changes", token, body);
        using var response = await _http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.StatusCode;
    }

    /// <summary>POST /api/dm/handouts: uploads a PNG, returns the handout's id.</summary>
    public async Task<string> UploadHandoutAsync(byte[] png, string title, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, $"/api/dm/handouts?title={Uri.EscapeDataString(title)}", DmToken, null);
        request.Content = new ByteArrayContent(png);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await _http.SendAsync(request, ct);
        await EnsureOkAsync(response, "handout upload", ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        return doc.RootElement.GetProperty("handout").GetProperty("id").GetString()!;
    }

    /// <summary>POST /api/dm/handouts/{id}/show to everyone, with a text (the marker the sockets wait for).</summary>
    public async Task ShowHandoutAsync(string id, string text, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, $"/api/dm/handouts/{id}/show", DmToken, new { audience = "public", text });
        using var response = await _http.SendAsync(request, ct);
        await EnsureOkAsync(response, "handout show", ct);
    }

    /// <summary>GET /api/handouts/{id}/image with a seat's token: the bytes read (the body is drained, not kept).</summary>
    public async Task<long> DownloadHandoutAsync(string token, string id, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"/api/handouts/{id}/image", token, null);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureOkAsync(response, "handout image", ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = await body.ReadAsync(buffer, ct)) > 0)
        {
            total += n;
        }

        return total;
    }

    /// <summary>POST /api/dm/narrate (PartyMode only: the page benchmark's evening), with an optional private part.</summary>
    public async Task NarrateAsync(string narrative, string? privateTo, string? privateText, CancellationToken ct)
    {
        var body = new Dictionary<string, object> { ["narrative"] = narrative };
        if (privateTo is not null && privateText is not null)
        {
            body["private"] = new Dictionary<string, string> { [privateTo] = privateText };
        }

        using var request = Request(HttpMethod.Post, "/api/dm/narrate", DmToken, body);
        using var response = await _http.SendAsync(request, ct);
        await EnsureOkAsync(response, "narrate", ct);
    }

    /// <summary>The newest seq the DM can see (every event), paging GET /api/events.</summary>
    public async Task<long> LastSeqAsync(CancellationToken ct)
    {
        long after = 0;
        for (var page = 0; page < 10_000; page++)
        {
            using var doc = await GetJsonAsync($"/api/events?after={after}&limit=1000", ct);
            var last = doc.RootElement.GetProperty("last_seq").GetInt64();
            var more = doc.RootElement.TryGetProperty("has_more", out var hm) && hm.GetBoolean();
            if (!more || last <= after)
            {
                return Math.Max(last, after);
            }

            after = last;
        }

        return after;
    }

    /// <summary>Open sockets on all seats and pending actions, from GET /api/dm/status.</summary>
    public async Task<ServerStatus> StatusAsync(CancellationToken ct)
    {
        using var doc = await GetJsonAsync("/api/dm/status", ct);
        var root = doc.RootElement;
        var connections = 0;
        var observers = 0;
        if (root.TryGetProperty("seats", out var seats))
        {
            foreach (var s in seats.EnumerateArray())
            {
                var n = s.TryGetProperty("connections", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
                connections += n;
                if (s.TryGetProperty("role", out var role) && role.GetString() == "observer")
                {
                    observers += n;
                }
            }
        }

        var pending = root.TryGetProperty("queue", out var q) && q.TryGetProperty("pending", out var p) ? p.GetInt64() : -1;
        return new ServerStatus(connections, observers, pending);
    }

    /// <summary>PartyMode's diagnostics (GC heap, timers, group-commit counters); null where there are none.</summary>
    public async Task<Diagnostics?> DiagnosticsAsync(CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, "/api/dm/diagnostics", DmToken, null);
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var r = doc.RootElement;
        long Get(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : -1;
        double GetDouble(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : -1;
        return new Diagnostics(Get("gc_heap_bytes"), Get("active_timers"), Get("queued_frames"), Get("committed_changes"), Get("transactions"))
        {
            JitMs = GetDouble("jit_ms"),
            GcCollections = Get("gc_collections"),
            GcPauseMs = GetDouble("gc_pause_ms"),
        };
    }

    public async Task ShutdownAsync(CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "/api/dm/shutdown", DmToken, null);
        using var response = await _http.SendAsync(request, ct);
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<JsonDocument> GetJsonAsync(string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, path, DmToken, null);
        using var response = await _http.SendAsync(request, ct);
        await EnsureOkAsync(response, path, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await JsonDocument.ParseAsync(body, cancellationToken: ct);
    }

    private static async Task EnsureOkAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
        }
    }
}
