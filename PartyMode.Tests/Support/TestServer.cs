using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PartyMode.Cli.Hosting;

namespace PartyMode.Tests.Support;

/// <summary>A real PartyServer on Kestrel, a free port and a temp data folder, with HTTP helpers per seat.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public static readonly string[] Players = ["thorin", "elara", "vex", "gorm"];
    private readonly TempFolder? _ownedFolder;

    private TestServer(PartyServer server, PartyServerOptions options, TempFolder? owned)
    {
        Server = server;
        Options = options;
        _ownedFolder = owned;
    }

    public PartyServer Server { get; private set; }

    public PartyServerOptions Options { get; }

    public string DataDirectory => Options.DataDirectory;

    public string BaseUrl => Server.LocalUrl;

    public Uri WsUri => new(BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");

    public static async Task<TestServer> StartAsync(TimeProvider? time = null, string? dataDirectory = null, int actionRate = 10_000, string? campaignFile = null)
    {
        var owned = dataDirectory is null ? new TempFolder() : null;
        var options = new PartyServerOptions
        {
            DataDirectory = dataDirectory ?? owned!.Path,
            Port = 0,
            BindAddress = "127.0.0.1",
            ActionRateCount = actionRate,
            ActionRateSeconds = 10,
            TimeProvider = time ?? TimeProvider.System,
            CampaignFile = campaignFile,
            DiceSeed = 42,
        };
        return new TestServer(await PartyServer.StartAsync(options), options, owned);
    }

    /// <summary>A server with options of the test's own, built from a fresh temp data folder's path.</summary>
    public static async Task<TestServer> StartAsync(Func<string, PartyServerOptions> options)
    {
        var owned = new TempFolder();
        var built = options(owned.Path);
        return new TestServer(await PartyServer.StartAsync(built), built, owned);
    }

    /// <summary>Stops and starts the server on the same folder and port (players reconnect to the same URL).</summary>
    public async Task RestartAsync()
    {
        var port = Server.Port;
        await Server.StopAsync();
        Server = await PartyServer.StartAsync(new PartyServerOptions
        {
            DataDirectory = Options.DataDirectory,
            Port = port,
            BindAddress = Options.BindAddress,
            ActionRateCount = Options.ActionRateCount,
            ActionRateSeconds = Options.ActionRateSeconds,
            TimeProvider = Options.TimeProvider,
            CampaignFile = Options.CampaignFile,
            DiceSeed = Options.DiceSeed,
        });
    }

    public string Token(string seat) => Server.TokenFor(seat);

    public HttpClient Client(string? seat)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (seat is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(seat));
        }

        return client;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<SimulatedPlayer> ConnectAsync(string seat, long? lastSeq = null)
    {
        var player = new SimulatedPlayer(seat, Token(seat), () => WsUri);
        await player.ConnectAsync(lastSeq);
        return player;
    }

    public async Task<JsonElement> SubmitAsync(string seat, string text, bool isPrivate = false, string? clientId = null)
    {
        using var client = Client(seat);
        var response = await client.PostAsJsonAsync("/api/actions", new { text, @private = isPrivate, client_id = clientId });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((int)response.StatusCode, Is.EqualTo(202).Or.EqualTo(200), body.ToString());
        return body.GetProperty("action");
    }

    public async Task<JsonElement> DmPostAsync(string path, object? body = null, int expect = 200)
    {
        using var client = Client("dm");
        var response = await client.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expect), $"POST {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetJsonAsync(string seat, string path)
    {
        using var client = Client(seat);
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        _ownedFolder?.Dispose();
    }
}
