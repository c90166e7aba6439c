using System.Text.Json.Serialization;

namespace PartyMode.Cli.Hosting;

/// <summary>Generated JSON metadata for daemon.json: written on every start, so no reflection there.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DaemonInfo))]
internal sealed partial class DaemonInfoJson : JsonSerializerContext;
