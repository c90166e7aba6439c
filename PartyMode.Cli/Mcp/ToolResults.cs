using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using PartyMode.Cli.Client;
using PartyMode.Cli.Protocol;

namespace PartyMode.Cli.Mcp;

/// <summary>Tool results: short text for the model plus the DM API answer as structured content; failures as tool errors that say what to do.</summary>
internal static class ToolResults
{
    public const string NotRunning = "Party Mode is not running: call start_party_mode (or ask the game master to run 'partymode serve') and try again.";

    /// <summary>A result; any action text in <paramref name="structured"/> is delimited (<see cref="PlayerText"/>).</summary>
    public static CallToolResult Ok(string text, JsonElement structured) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        StructuredContent = PlayerText.Delimit(structured.ValueKind == JsonValueKind.Object ? structured : Wrap(structured)),
    };

    public static CallToolResult Error(string text, string code) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = text }],
        StructuredContent = JsonText.Element(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = text } }),
    };

    /// <summary>Runs one tool against the daemon and turns the known failures into tool errors.</summary>
    public static async Task<CallToolResult> RunAsync(DaemonAccess access, Func<DaemonClient, Task<CallToolResult>> call)
    {
        try
        {
            return await call(access.Client());
        }
        catch (DaemonNotRunningException)
        {
            access.Logger.LogInformation("Tool call while no daemon runs for {Folder}", access.Folder.Root);
            return Error(NotRunning, "not_running");
        }
        catch (DaemonApiException e)
        {
            // The code only: messages may quote player text.
            access.Logger.LogInformation("The DM API refused a tool call: {Code} (HTTP {Status})", e.Code, (int)e.Status);
            return Error(Describe(e), e.Code);
        }
        catch (ToolInputException e)
        {
            access.Logger.LogInformation("A tool call had a bad argument");
            return Error(e.Message, "bad_argument");
        }
    }

    /// <summary>A DM API error for the model: the message with the tool to call (<see cref="ErrorRemedies"/>) and the code.</summary>
    public static string Describe(DaemonApiException e) => e.Code switch
    {
        "invalid_token" => "The daemon refused the DM token (invalid_token): it was started with another data folder; restart it with stop_party_mode and start_party_mode.",
        _ => $"{ErrorRemedies.ForMcp(e.Code, e.Message).TrimEnd('.')} ({e.Code}).",
    };

    private static JsonElement Wrap(JsonElement value) =>
        JsonText.Element(new JsonObject { ["result"] = JsonNode.Parse(value.GetRawText()) });
}
