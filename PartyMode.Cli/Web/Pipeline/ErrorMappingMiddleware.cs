using PartyMode.Cli.Protocol;
using PartyMode.Engine;

namespace PartyMode.Cli.Web.Pipeline;

/// <summary>Engine errors and unreadable requests become the protocol's error bodies, with the HTTP remedy for the code.</summary>
internal sealed class ErrorMappingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (GameException ex)
        {
            if (!context.Response.HasStarted)
            {
                await ApiErrors.Write(context, ApiErrors.StatusOf(ex.Kind), ex.Code, ErrorRemedies.ForHttp(ex.Code, ex.Message));
            }
        }
        catch (BadHttpRequestException ex)
        {
            if (!context.Response.HasStarted)
            {
                await ApiErrors.Write(context, ex.StatusCode, "bad_request", ex.Message);
            }
        }
    }
}
