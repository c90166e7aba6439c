using System.Globalization;
using System.Net;

namespace PartyMode.Cli.Client;

/// <summary>The story export (docs/protocol.md §10.1), which answers with Markdown or HTML rather than JSON.</summary>
internal sealed partial class DaemonClient
{
    /// <summary>A seat's story book (the DM's full book when <paramref name="asSeat"/> is null).</summary>
    public async Task<string> ExportStoryAsync(string? asSeat, string format, int? session, CancellationToken cancellationToken)
    {
        var query = "api/export?format=" + Uri.EscapeDataString(format)
            + (asSeat is null ? "" : "&as=" + Uri.EscapeDataString(asSeat))
            + (session is null ? "" : "&session=" + session.Value.ToString(CultureInfo.InvariantCulture));
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(query, cancellationToken);
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
            return response.StatusCode == HttpStatusCode.OK ? text : throw ToException(response.StatusCode, text);
        }
    }

    /// <summary>Begins a new session now (<c>POST /api/dm/sessions/break</c>).</summary>
    public Task<System.Text.Json.JsonElement> BreakSessionAsync(CancellationToken cancellationToken) => PostAsync("api/dm/sessions/break", null, cancellationToken);
}
