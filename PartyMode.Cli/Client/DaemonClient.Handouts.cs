using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Handouts;

namespace PartyMode.Cli.Client;

/// <summary>Handouts (docs/protocol.md §9): the upload sends the image as the raw body, not JSON.</summary>
internal sealed partial class DaemonClient
{
    /// <summary><c>POST /api/dm/handouts?title=T</c> with the file's bytes: <c>{handout}</c>.</summary>
    public Task<JsonElement> UploadHandoutAsync(LocalImage image, string title, CancellationToken cancellationToken)
    {
        var path = "api/dm/handouts?title=" + Uri.EscapeDataString(title);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(image.Data) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(image.Type);
        // The daemon refuses an image over its limit before the body is sent (413 instead of the upload).
        request.Headers.ExpectContinue = true;
        return RequireBodyAsync(SendDisposingAsync(request, path, cancellationToken));
    }

    private async Task<JsonElement?> SendDisposingAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await SendRequestAsync(request, path, cancellationToken);
        }
    }

    /// <summary><c>POST /api/dm/handouts/{id}/show</c>: <c>{event}</c>.</summary>
    public Task<JsonElement> ShowHandoutAsync(string id, JsonNode? audience, string? text, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (audience is not null)
        {
            body["audience"] = audience;
        }

        if (text is not null)
        {
            body["text"] = text;
        }

        return PostAsync($"api/dm/handouts/{Uri.EscapeDataString(id)}/show", body, cancellationToken);
    }

    /// <summary><c>POST /api/dm/tv</c>: a handout on the TV, or the story again (<paramref name="handoutId"/> null): <c>{tv}</c>.</summary>
    public Task<JsonElement> SetTvAsync(string? handoutId, CancellationToken cancellationToken) =>
        PostAsync("api/dm/tv", handoutId is null ? new JsonObject { ["clear"] = true } : new JsonObject { ["handout_id"] = handoutId }, cancellationToken);
}
