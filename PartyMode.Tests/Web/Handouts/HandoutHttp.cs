using System.Net.Http.Headers;
using System.Text.Json;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web.Handouts;

/// <summary>Uploads, shows and fetches handouts over real HTTP.</summary>
internal static class HandoutHttp
{
    public static async Task<(int Status, JsonElement Body)> UploadAsync(TestServer server, byte[] bytes, string contentType, string title = "The map", string seat = "dm")
    {
        using var client = server.Client(seat);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await client.PostAsync($"/api/dm/handouts?title={Uri.EscapeDataString(title)}", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Uploads a PNG and returns its id.</summary>
    public static async Task<string> UploadPngAsync(TestServer server, string title, int width = 4, int height = 3, byte red = 200)
    {
        var (status, body) = await UploadAsync(server, TestImages.Png(width, height, red), "image/png", title);
        Assert.That(status, Is.EqualTo(201), body.ToString());
        return body.GetProperty("handout").GetProperty("id").GetString()!;
    }

    public static Task<JsonElement> ShowAsync(TestServer server, string id, object? audience, string? text = null) =>
        server.DmPostAsync($"/api/dm/handouts/{id}/show", audience is null ? new { text } : new { audience, text });

    public static async Task<HttpResponseMessage> ImageAsync(TestServer server, string seat, string id, string? asSeat = null)
    {
        using var client = server.Client(seat);
        return await client.GetAsync($"/api/handouts/{id}/image" + (asSeat is null ? "" : "?as=" + asSeat));
    }

    public static async Task<List<string>> ListedAsync(TestServer server, string seat, string? asSeat = null)
    {
        var body = await server.GetJsonAsync(seat, "/api/handouts" + (asSeat is null ? "" : "?as=" + asSeat));
        return body.GetProperty("handouts").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
    }
}
