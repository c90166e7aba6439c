using PartyMode.Cli.Web.Dm;
using PartyMode.Cli.Web.Pipeline;

namespace PartyMode.Cli.Web;

/// <summary>The HTTP side: its pipeline (request log, error mapping, token auth, unknown API routes) and its routes.</summary>
internal static class WebApi
{
    public static IServiceCollection AddWebApi(this IServiceCollection services) => services.AddSingleton<ServerControl>();

    /// <summary>Outermost first: the log sees the final status, errors become bodies, the token is checked before any route runs.</summary>
    public static IApplicationBuilder UseApiPipeline(this IApplicationBuilder app) => app
        .UseMiddleware<RequestLogMiddleware>()
        .UseMiddleware<ErrorMappingMiddleware>()
        .UseMiddleware<TokenAuthMiddleware>()
        .UseMiddleware<UnknownApiRouteMiddleware>();

    public static IEndpointRouteBuilder MapWebApi(this IEndpointRouteBuilder app) => app
        .MapPages()
        .MapPlayerApi()
        .MapDmApi();
}
