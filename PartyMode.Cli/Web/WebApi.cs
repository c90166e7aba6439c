using PartyMode.Cli.Limits;
using PartyMode.Cli.Security;
using PartyMode.Cli.Web.Dm;
using PartyMode.Cli.Web.Handouts;
using PartyMode.Cli.Web.Pipeline;
using PartyMode.Engine;

namespace PartyMode.Cli.Web;

/// <summary>The HTTP side: its pipeline (request log, no-store, page headers, error mapping, token auth, unknown API routes) and its routes.</summary>
internal static class WebApi
{
    public static IServiceCollection AddWebApi(this IServiceCollection services) => services.AddSingleton<ServerControl>();

    /// <summary>
    /// Outermost first: the log sees the final status, errors become bodies, the token is checked before any
    /// route runs. Each piece is built by hand when the pipeline is (as the host starts, once the game is open).
    /// </summary>
    public static IApplicationBuilder UseApiPipeline(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        return app
            .Use(next => new RequestLogMiddleware(next, services.GetRequiredService<Serilog.ILogger>(), services.GetRequiredService<LogBudget>()).InvokeAsync)
            .Use(next => new NoStoreMiddleware(next).InvokeAsync)
            .Use(next => new PageHeadersMiddleware(next).InvokeAsync)
            .Use(next => new ErrorMappingMiddleware(next).InvokeAsync)
            .Use(next => new TokenAuthMiddleware(next, services.GetRequiredService<Game>(), services.GetRequiredService<AuthFailures>(), services.GetRequiredService<DmAccessPolicy>()).InvokeAsync)
            .Use(next => new UnknownApiRouteMiddleware(next).InvokeAsync);
    }

    public static IEndpointRouteBuilder MapWebApi(this IEndpointRouteBuilder app) => app
        .MapPages()
        .MapPlayerApi()
        .MapRolls()
        .MapDmApi()
        .MapExport()
        .MapHandouts();
}
