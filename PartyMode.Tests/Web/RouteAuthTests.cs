using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.Web;

public sealed class RouteAuthTests
{
    private static readonly string[] Anonymous = ["/healthz", "/", "/play", "/static/{**path}", "/favicon.ico", "/manifest.webmanifest", "/ws"];

    [Test]
    public async Task EveryApiRoute_BadTokens_AreRefusedBeforeAnythingElse()
    {
        await using var server = await TestServer.StartAsync();
        var action = await server.SubmitAsync("thorin", "for a real id");
        var refreshedOld = server.Token("elara");
        await server.DmPostAsync("/api/dm/seats/elara/token");
        var kickedToken = server.Token("gorm");
        await server.DmPostAsync("/api/dm/seats/gorm/kick");

        var routes = server.Server.Routes;
        var api = routes.Where(r => r.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var other = routes.Select(r => r.RoutePattern.RawText!).Where(p => !p.StartsWith("/api/", StringComparison.Ordinal)).Distinct().ToList();
        Assert.That(other, Is.EquivalentTo(Anonymous), "every non-API route must be one of the anonymous ones");
        Assert.That(api, Has.Count.GreaterThan(25));

        var checkedRequests = 0;
        foreach (var route in api)
        {
            var methods = route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = Fill(route.RoutePattern.RawText!, route.RoutePattern.RawText!.Contains("/actions/", StringComparison.Ordinal) ? action.GetProperty("id").GetString()! : "thorin");
            foreach (var method in methods)
            {
                foreach (var (label, header, expectStatus, expectCode) in new (string, string?, int, string)[]
                {
                    ("missing", null, 401, "invalid_token"),
                    ("malformed", "Bearer not a token!", 401, "invalid_token"),
                    ("unknown", "Bearer " + new string('A', 32), 401, "invalid_token"),
                    ("refreshed", "Bearer " + refreshedOld, 401, "invalid_token"),
                    ("revoked", "Bearer " + kickedToken, 403, "seat_kicked"),
                })
                {
                    using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
                    using var request = new HttpRequestMessage(new HttpMethod(method), path)
                    {
                        // A body that would be bad JSON proves the token is checked before the body is read.
                        Content = method is "POST" or "PATCH" ? new StringContent("{not json", Encoding.UTF8, "application/json") : null,
                    };
                    if (header is not null)
                    {
                        request.Headers.TryAddWithoutValidation("Authorization", header);
                    }

                    var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.That((int)response.StatusCode, Is.EqualTo(expectStatus), $"{method} {path} with a {label} token: {body}");
                    Assert.That(body, Does.Contain(expectCode), $"{method} {path} with a {label} token");
                    checkedRequests++;
                }
            }
        }

        TestContext.Out.WriteLine($"{api.Count} API routes, {checkedRequests} refused requests checked");
        Assert.That(server.Server.Game.QueueCounts().Values.Sum(), Is.EqualTo(1), "no refused request changed anything");
    }

    [Test]
    public async Task DmRoutes_PlayerOrObserverToken_Get403()
    {
        await using var server = await TestServer.StartAsync();
        foreach (var route in server.Server.Routes.Where(r => r.RoutePattern.RawText!.StartsWith("/api/dm/", StringComparison.Ordinal)))
        {
            var method = route.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0];
            var path = Fill(route.RoutePattern.RawText!, "thorin");
            foreach (var seat in new[] { "thorin", "observer" })
            {
                using var client = server.Client(seat);
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{method} {path} as {seat}");
            }
        }

        Assert.That(server.Server.Game.Authenticate(server.Token("dm")).Status, Is.EqualTo(PartyMode.Engine.AuthStatus.Ok), "the server kept running");
    }

    [Test]
    public async Task OtherSeatsIds_Player_Gets404()
    {
        await using var server = await TestServer.StartAsync();
        var action = await server.SubmitAsync("thorin", "mine");
        using var vex = server.Client("vex");
        Assert.That((await vex.GetAsync("/api/characters/thorin")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await vex.GetAsync("/api/actions/" + action.GetProperty("id").GetString())).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var thorin = server.Client("thorin");
        var sheet = await thorin.GetStringAsync("/api/characters/thorin");
        Assert.That(sheet, Does.Contain("secret_background"));
    }

    [Test]
    public async Task PostActions_BadBodies_GetNamedErrors()
    {
        await using var server = await TestServer.StartAsync();
        using var thorin = server.Client("thorin");
        async Task<(int, string)> Post(string body)
        {
            var r = await thorin.PostAsync("/api/actions", new StringContent(body, Encoding.UTF8, "application/json"));
            return ((int)r.StatusCode, await r.Content.ReadAsStringAsync());
        }

        foreach (var (body, code) in new[] { ("{bad", "bad_json"), ("""{"text":"  "}""", "empty_action"), ($$"""{"text":"{{new string('x', 2001)}}"}""", "too_long") })
        {
            var (status, text) = await Post(body);
            Assert.That(status, Is.EqualTo(400), code);
            Assert.That(text, Does.Contain(code));
        }

        using var observer = server.Client("observer");
        var r = await observer.PostAsync("/api/actions", new StringContent("""{"text":"hi"}""", Encoding.UTF8, "application/json"));
        Assert.That((int)r.StatusCode, Is.EqualTo(403));
        Assert.That(await r.Content.ReadAsStringAsync(), Does.Contain("observer_cannot_act"));
    }

    private static string Fill(string pattern, string id) =>
        pattern.Replace("{id}", id, StringComparison.Ordinal);
}
