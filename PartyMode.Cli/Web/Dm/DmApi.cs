namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM API (docs/protocol.md §3.7), one feature at a time.</summary>
internal static class DmApi
{
    public static IEndpointRouteBuilder MapDmApi(this IEndpointRouteBuilder app) => app
        .MapDmDiagnostics()
        .MapDmSeats()
        .MapDmQueue()
        .MapDmNarration()
        .MapDmMessageEdits()
        .MapDmViewAs()
        .MapDmCampaign()
        .MapDmCombat()
        .MapDmRollRequests()
        .MapDmSheets();
}
