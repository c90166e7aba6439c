using System.IO.Pipelines;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using PartyMode.Cli;
using PartyMode.Cli.Mcp;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Mcp.Support;

/// <summary>An MCP client connected to the Party Mode MCP server: in-process over pipes, or the real <c>partymode mcp</c> child over stdio.</summary>
internal sealed class McpHarness : IAsyncDisposable
{
    private readonly IHost? host;

    private McpHarness(McpClient client, IHost? host)
    {
        Client = client;
        this.host = host;
    }

    public McpClient Client { get; }

    /// <summary>The MCP server hosted in this process, talking over in-memory pipes (fast per-tool tests).</summary>
    public static async Task<McpHarness> InProcessAsync(string dataFolder)
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var settings = new McpSettings
        {
            Folder = DataFolder.Resolve(dataFolder),
            LaunchCommand = DaemonLaunchCommand.ForBinary(RepoPaths.Executable),
        };
        var host = McpServerHost.Build(settings, clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream(), logToStderr: false);
        await host.StartAsync();
        var client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()));
        return new McpHarness(client, host);
    }

    /// <summary>The real executable, <c>partymode mcp --data DIR</c>, as an MCP host would start it.</summary>
    public static async Task<McpHarness> ChildProcessAsync(string dataFolder, McpClientOptions? options = null)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "partymode",
            Command = RepoPaths.Executable,
            Arguments = ["mcp", "--data", dataFolder],
            EnvironmentVariables = new Dictionary<string, string?> { ["PARTYMODE_DATA"] = null },
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        return new McpHarness(await McpClient.CreateAsync(transport, options), null);
    }

    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?>? arguments = null) =>
        Client.CallToolAsync(tool, arguments ?? []).AsTask();

    /// <summary>Calls a tool and fails the test if it answered with a tool error.</summary>
    public async Task<CallToolResult> CallOkAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        Assert.That(result.IsError, Is.Not.True, $"{tool} failed: {Text(result)}");
        return result;
    }

    public static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    public async Task<string> PromptTextAsync(string name, Dictionary<string, object?>? arguments = null)
    {
        var prompt = await Client.GetPromptAsync(name, arguments);
        return string.Join("\n", prompt.Messages.Select(m => m.Content).OfType<TextContentBlock>().Select(b => b.Text));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
