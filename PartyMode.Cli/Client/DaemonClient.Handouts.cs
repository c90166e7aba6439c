using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyMode.Cli.Handouts;

namespace PartyMode.Cli.Client;

/// <summary>Handouts (docs/protocol.md §9): the upload sends the image as the raw body, not JSON.</summary>
internal sealed partial class DaemonClient
{
    /// <summary><c>POST /api/dm/handouts?title=T</c> with the file's bytes: <c>{handout}</c>.</summary>
    public async Task<JsonElement> UploadHandoutAsync(LocalImage image, string title, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(image.Data);
        content.Headers.ContentType = new MediaTypeHeaderValue(image.Type);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync("api/dm/handouts?title=" + Uri.EscapeDataString(title), content, cancellationToken);
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

            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
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
