using System.Text.Json;
using PartyMode.Engine;
using PartyMode.Engine.Actions;
using PartyMode.Engine.Events;

namespace PartyMode.Cli.Web;

/// <summary>JSON responses in the wire shapes (events and actions written by <see cref="Protocol.EventJson"/>).</summary>
internal static class Wire
{
    public static IResult Json(Action<Utf8JsonWriter> body, int status = 200) => new JsonBytes(Protocol.Frames.Write(body), status);

    private sealed class JsonBytes(byte[] bytes, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = bytes.Length;
            return httpContext.Response.Body.WriteAsync(bytes).AsTask();
        }
    }

    public static IResult Object<T>(string property, T value, int status = 200) => Json(w =>
    {
        w.WritePropertyName(property);
        JsonSerializer.Serialize(w, value, EngineJson.Info<T>());
    }, status);

    public static IResult Action(GameAction action, int status = 200) => Json(w =>
    {
        w.WritePropertyName("action");
        Protocol.EventJson.WriteAction(w, action);
    }, status);

    public static IResult Actions(IEnumerable<GameAction> actions) => Json(w =>
    {
        w.WriteStartArray("actions");
        foreach (var a in actions)
        {
            Protocol.EventJson.WriteAction(w, a);
        }

        w.WriteEndArray();
    });

    public static void WriteEvents(Utf8JsonWriter w, IEnumerable<GameEvent> events)
    {
        w.WriteStartArray("events");
        foreach (var e in events)
        {
            w.WriteRawValue(Protocol.EventJson.Bytes(e), skipInputValidation: true);
        }

        w.WriteEndArray();
    }

    public static IResult Events(IEnumerable<GameEvent> events) => Json(w => WriteEvents(w, events));
}
