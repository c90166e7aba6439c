using System.Text.Json.Nodes;
using PartyMode.Cli.Campaigns.Dm20;
using PartyMode.Engine.Model;

namespace PartyMode.Cli.Campaigns;

/// <summary>A campaign read from a path: the engine's campaign, and for a dm20 campaign the PartyMode file it became and the report.</summary>
internal sealed record LoadedCampaign(Campaign Campaign, JsonObject? Converted, Dm20Report? Report);
