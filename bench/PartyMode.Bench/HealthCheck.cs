namespace PartyMode.Bench;

/// <summary>GET /healthz with a short timeout, on a client without pooling surprises.</summary>
internal static class HealthCheck
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = TimeSpan.FromMilliseconds(500),
    };

    public static async Task<bool> IsHealthyAsync(string baseUrl, CancellationToken ct)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri(baseUrl + "/healthz"), ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
