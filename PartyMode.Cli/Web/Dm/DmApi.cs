namespace PartyMode.Cli.Web.Dm;

/// <summary>The DM API (PROTOCOL §3, second table), one feature at a time.</summary>
internal static class DmApi
{
    public static IEndpointRouteBuilder MapDmApi(this IEndpointRouteBuilder app) => app
        .MapDmDiagnostics()
        .MapDmSeats()
        .MapDmQueue()
        .MapDmNarration()
        .MapDmCampaign()
        .MapDmCombat();
}
