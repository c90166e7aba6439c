using PartyMode.Cli.Limits;
using Serilog.Events;

namespace PartyMode.Cli.Web.Pipeline;

/// <summary>
/// A log line per refused or failed request (every request with <c>serve --verbose</c>), with the path but
/// never the query string or a token; WebSocket requests log their own open and close lines.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, Serilog.ILogger log, LogBudget refusals)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // Refusals and failures are worth a line; routine successes only with serve --verbose (a
            // table makes very many, and each line costs the request path a hand-off to the log thread;
            // docs/benchmarks.md).
            var status = context.Response.StatusCode;
            var level = status >= 500 ? LogEventLevel.Warning : status >= 400 ? LogEventLevel.Information : LogEventLevel.Debug;
            var budget = level == LogEventLevel.Information ? refusals.Take(context.Connection.RemoteIpAddress) : LogBudgetAnswer.Log;
            if (!context.WebSockets.IsWebSocketRequest && log.IsEnabled(level) && budget != LogBudgetAnswer.Skip)
            {
                var viewer = TokenAuthMiddleware.ViewerOrNull(context);
                log.Write(level, "{Method} {Path} {Status} {Elapsed:0.0} ms seat={Seat} role={Role}",
                    context.Request.Method, context.Request.Path.Value, status, elapsed,
                    viewer?.SeatId ?? "-", viewer?.RoleName ?? "-");
                if (budget == LogBudgetAnswer.LastLine)
                {
                    log.Information("Further refused requests from {Remote} are not logged until the next minute", context.Connection.RemoteIpAddress);
                }
            }
        }
    }
}
