using PartyMode.Cli.Protocol;

namespace PartyMode.Cli.Web.Pipeline;

/// <summary>An authenticated <c>/api/</c> request that matches no route gets the protocol's <c>not_found</c> body.</summary>
internal sealed class UnknownApiRouteMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is null && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await ApiErrors.Write(context, 404, "not_found", $"There is no {context.Request.Method} {context.Request.Path}.");
            return;
        }

        await next(context);
    }
}
