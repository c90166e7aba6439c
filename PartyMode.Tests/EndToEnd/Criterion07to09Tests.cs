using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using PartyMode.Tests.Support;

namespace PartyMode.Tests.EndToEnd;

/// <summary>Seed criteria 7, 8 and 9: token security on every endpoint and the socket, refresh, kick.</summary>
[Category("E2E")]
public sealed class Criterion07to09Tests
{
    [Test]
    public async Task C07_TokenSecurity_EveryEndpointAndTheSocketRefuseBadTokens()
    {
        await using var table = await Table.OpenAsync();
        var server = table.Server;
        var refreshed = server.Token("elara");
        await server.DmPostAsync("/api/dm/seats/elara/token");
        var revoked = server.Token("gorm");
        await server.DmPostAsync("/api/dm/seats/gorm/kick");
        var bad = new (string Label, string? Token, int Status, int Close)[]
        {
            ("missing", null, 401, 4401),
            ("malformed", "not a token at all", 401, 4401),
            ("unknown", new string('Q', 32), 401, 4401),
            ("refreshed", refreshed, 401, 4401),
            ("revoked", revoked, 403, 4403),
        };

        var routes = server.Server.Routes.Where(r => r.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var requests = 0;
        foreach (var route in routes)
        {
            var path = route.RoutePattern.RawText!.Replace("{id}", "thorin", StringComparison.Ordinal);
            foreach (var method in route.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                foreach (var (label, token, status, _) in bad)
                {
                    using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                    if (token is not null)
                    {
                        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                    }

                    var response = await client.SendAsync(request);
                    Assert.That((int)response.StatusCode, Is.EqualTo(status), $"{method} {path} with a {label} token");
                    requests++;
                }
            }
        }

        foreach (var (label, token, _, close) in bad)
        {
            var intruder = new SimulatedPlayer(label, token ?? "", () => server.WsUri);
            await intruder.ConnectAsync(waitForWelcome: false);
            await intruder.WaitClosedAsync();
            Assert.That(intruder.CloseCode, Is.EqualTo(close), $"socket with a {label} token");
            Assert.That(intruder.Frames.Any(f => f.Type == "welcome"), Is.False);
            await intruder.DisposeAsync();
        }

        using var page = new HttpClient();
        Assert.That((await page.GetAsync($"{server.BaseUrl}/play?token={new string('Q', 32)}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        TestContext.Out.WriteLine($"{routes.Count} routes, {requests} refused HTTP requests, 5 refused sockets");
    }

    [Test]
    public async Task C08_TokenRefresh_OldStopsWorkingNewWorks()
    {
        await using var table = await Table.OpenAsync();
        var old = table.Server.Token("thorin");
        var fresh = (await table.Server.DmPostAsync("/api/dm/seats/thorin/token")).GetProperty("token").GetString()!;
        await table.Players["thorin"].WaitClosedAsync();
        Assert.That(table.Players["thorin"].CloseCode, Is.EqualTo(4401));
        using var oldClient = table.Server.ClientWithToken(old);
        Assert.That((await oldClient.GetAsync("/api/events")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        table.Players["thorin"].Token = fresh;
        await table.Players["thorin"].ConnectAsync(table.Players["thorin"].LastSeq);
        await table.SettleAsync("[AFTER-REFRESH]");
        using var freshClient = table.Server.ClientWithToken(fresh);
        Assert.That((await freshClient.GetAsync("/api/events")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task C09_Kick_SocketClosedTokenRejectedOthersUnaffected()
    {
        await using var table = await Table.OpenAsync();
        var token = table.Server.Token("vex");
        await table.Server.DmPostAsync("/api/dm/seats/vex/kick");
        await table.Players["vex"].WaitClosedAsync();
        Assert.That(table.Players["vex"].CloseCode, Is.EqualTo(4403));
        using var kicked = table.Server.ClientWithToken(token);
        var response = await kicked.PostAsync("/api/actions", new StringContent("""{"text":"let me back"}""", Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("seat_kicked"));
        await table.SettleAsync("[AFTER-KICK]");
        foreach (var other in table.Players.Values.Where(p => p.Seat != "vex").Append(table.Observer).Append(table.Dm))
        {
            Assert.That(other.IsOpen, Is.True, other.Seat);
        }

        await table.Server.SubmitAsync("elara", "I carry on");
    }
}
