using System.Text.Json;
using ModelContextProtocol.Protocol;
using PartyMode.Cli.Client;
using PartyMode.Cli.Seats;

namespace PartyMode.Cli.Mcp;

/// <summary>Join-link QR codes as image content (PNG), next to the file paths, for hosts that show images.</summary>
internal static class QrImages
{
    /// <summary>The result with one PNG per joinable seat (players and observer; never the DM's local link).</summary>
    public static CallToolResult With(CallToolResult result, IEnumerable<JsonElement> seats)
    {
        foreach (var seat in seats)
        {
            var url = seat.Str("url");
            if (url.Length == 0 || seat.Str("role") == "dm" || seat.Bool("kicked"))
            {
                continue;
            }

            result.Content.Add(new TextContentBlock { Text = $"QR code for {seat.Str("seat")}:" });
            result.Content.Add(ImageContentBlock.FromBytes(QrCodes.RenderPng(url), "image/png"));
        }

        return result;
    }
}
