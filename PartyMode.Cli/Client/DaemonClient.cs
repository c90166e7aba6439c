using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.Client;

/// <summary>
/// Talks to the running daemon of a data folder through its DM API, found via <c>DATA/daemon.json</c>
/// and authenticated with <c>DATA/dm.token</c>. Error answers become <see cref="DaemonApiException"/>;
/// a daemon that is gone becomes <see cref="DaemonNotRunningException"/>.
/// </summary>
internal sealed partial class DaemonClient : IDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    private readonly HttpClient http;

    private DaemonClient(DataFolder folder, DaemonInfo info, string token)
    {
        Folder = folder;
        Info = info;
        BaseUri = info.CallableUri();
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = BaseUri,
            // Long polls wait up to 60 s on the server; leave room for that.
            Timeout = TimeSpan.FromSeconds(100),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public DataFolder Folder { get; }

    public DaemonInfo Info { get; }

    public Uri BaseUri { get; }

    /// <summary>The running, answering daemon of the folder, or null when none runs.</summary>
    public static async Task<DaemonClient?> TryConnectAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        var info = DaemonProbe.TryRead(folder);
        if (info is null || !info.ProcessIsAlive())
        {
            return null;
        }

        if (!await IsHealthyAsync(info, cancellationToken))
        {
            return null;
        }

        return new DaemonClient(folder, info, ReadToken(folder));
    }

    /// <summary>As <see cref="TryConnectAsync"/>, but throws <see cref="DaemonNotRunningException"/> when none runs.</summary>
    public static async Task<DaemonClient> ConnectAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        return await TryConnectAsync(folder, cancellationToken)
            ?? throw new DaemonNotRunningException($"Party Mode is not running (no daemon for {folder.Root}).");
    }

    /// <summary>A client for the daemon named in daemon.json without probing it first (calls fail fast if it is gone).</summary>
    public static DaemonClient Open(DataFolder folder)
    {
        var info = DaemonProbe.TryRead(folder);
        if (info is null || !info.ProcessIsAlive())
        {
            throw new DaemonNotRunningException($"Party Mode is not running (no daemon for {folder.Root}).");
        }

        return new DaemonClient(folder, info, ReadToken(folder));
    }

    /// <summary>True when <c>GET /healthz</c> of the daemon answers <c>ok</c> within a few seconds.</summary>
    public static async Task<bool> IsHealthyAsync(DaemonInfo info, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { Timeout = HealthTimeout };
        try
        {
            using var response = await probe.GetAsync(new Uri(info.CallableUri(), "healthz"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        RequireBodyAsync(SendAsync(HttpMethod.Get, path, null, cancellationToken));

    public Task<JsonElement> PostAsync(string path, JsonNode? body, CancellationToken cancellationToken) =>
        RequireBodyAsync(SendAsync(HttpMethod.Post, path, body, cancellationToken));

    public Task<JsonElement> PatchAsync(string path, JsonNode? body, CancellationToken cancellationToken) =>
        RequireBodyAsync(SendAsync(HttpMethod.Patch, path, body, cancellationToken));

    /// <summary>Sends a DM API request; null when the answer has no body (204).</summary>
    public async Task<JsonElement?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else if (method != HttpMethod.Get)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await SendRequestAsync(request, path, cancellationToken);
    }

    /// <summary>Sends a built DM API request (a JSON body or, for an upload, raw bytes); null when the answer has no body.</summary>
    private async Task<JsonElement?> SendRequestAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DaemonNotRunningException($"Party Mode is not running (the daemon at {BaseUri} does not answer).", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DaemonNotRunningException($"Party Mode did not answer in time (daemon at {BaseUri}).", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw ToException(response.StatusCode, text);
            }

            if (response.StatusCode == HttpStatusCode.NoContent || string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new DaemonApiException(response.StatusCode, "bad_response", $"The daemon answered {path} with something that is not JSON: {e.Message}");
            }
        }
    }

    public void Dispose() => http.Dispose();

    private static async Task<JsonElement> RequireBodyAsync(Task<JsonElement?> call)
    {
        var result = await call;
        using var empty = JsonDocument.Parse("{}");
        return result ?? empty.RootElement.Clone();
    }

    private static string ReadToken(DataFolder folder)
    {
        try
        {
            var token = File.ReadAllText(folder.DmTokenFile).Trim();
            if (token.Length > 0)
            {
                return token;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DaemonApiException(HttpStatusCode.Unauthorized, "no_dm_token", $"Cannot read the DM token file {folder.DmTokenFile} ({e.Message}); run partymode as the user who started the daemon.");
        }

        throw new DaemonApiException(HttpStatusCode.Unauthorized, "no_dm_token", $"The DM token file {folder.DmTokenFile} is empty; restart the daemon with partymode serve.");
    }

    private static DaemonApiException ToException(HttpStatusCode status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() ?? "error" : "error";
                var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? code : code;
                return new DaemonApiException(status, code, message);
            }
        }
        catch (JsonException)
        {
            // Not the contract's error shape: fall through to a generic error.
        }

        return new DaemonApiException(status, "http_" + (int)status, $"The daemon answered HTTP {(int)status} {status}.");
    }
}
