using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PartyMode.Cli.Client;

namespace PartyMode.Cli.Mcp;

/// <summary>
/// The request filters every tool and prompt shares: typed schemas, argument errors that name the argument,
/// and a prompt's own text for a missing prompt argument (docs/mcp.md "Errors").
/// </summary>
internal static class McpFilters
{
    private const string SdkFailure = "An error occurred";

    public static IMcpServerBuilder WithPartyModeFilters(this IMcpServerBuilder mcp)
    {
        // After the SDK filled the collections: every property gets a type (CLI-MCP v2 "Errors").
        mcp.Services.AddSingleton<IPostConfigureOptions<McpServerOptions>>(new PostConfigureOptions<McpServerOptions>(Options.DefaultName, options =>
        {
            foreach (var tool in options.ToolCollection ?? [])
            {
                tool.ProtocolTool.InputSchema = SchemaTypes.Complete(tool.ProtocolTool.InputSchema);
            }
        }));

        return mcp.WithRequestFilters(filters =>
        {
            filters.AddCallToolFilter(next => async (context, cancellationToken) =>
            {
                var name = context.Params?.Name ?? string.Empty;
                McpServerTool? tool = null;
                if (context.Server.ServerOptions.ToolCollection?.TryGetPrimitive(name, out tool) == true && tool is not null)
                {
                    var arguments = context.Params!.Arguments ??= new Dictionary<string, JsonElement>();
                    if (ArgumentCheck.Check(name, tool.ProtocolTool.InputSchema, arguments) is { } problem)
                    {
                        return ToolResults.Error(problem, "bad_argument");
                    }
                }

                var result = await next(context, cancellationToken);
                return result.IsError == true && tool is not null && Text(result).StartsWith(SdkFailure, StringComparison.Ordinal)
                    ? ToolResults.Error(Unexpected(name, tool.ProtocolTool.InputSchema), "bad_argument")
                    : result;
            });

            filters.AddGetPromptFilter(next => (context, cancellationToken) =>
            {
                var name = context.Params?.Name ?? string.Empty;
                if (context.Server.ServerOptions.PromptCollection?.TryGetPrimitive(name, out var prompt) == true && prompt is not null)
                {
                    var arguments = context.Params!.Arguments ??= new Dictionary<string, JsonElement>();
                    foreach (var argument in prompt.ProtocolPrompt.Arguments ?? [])
                    {
                        // A missing required argument renders the prompt's own "none given" text.
                        if (!arguments.TryGetValue(argument.Name, out var value) || value.ValueKind != JsonValueKind.String)
                        {
                            arguments[argument.Name] = JsonText.Element(JsonValue.Create(value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? value.GetRawText() : string.Empty));
                        }
                    }
                }

                return next(context, cancellationToken);
            });
        });
    }

    private static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    private static string Unexpected(string tool, JsonElement schema)
    {
        var parts = new List<string>();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet()
                : [];
            parts.AddRange(properties.EnumerateObject().Select(p => $"{p.Name} ({(required.Contains(p.Name) ? "required" : "optional")}, {ArgumentCheck.Form(p.Value)})"));
        }

        return $"{tool} could not use its arguments; check them and call it again. Its arguments: {(parts.Count == 0 ? "none" : string.Join(", ", parts))}.";
    }
}
