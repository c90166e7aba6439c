using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PartyMode.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static PartyMode.Tests.Web.Browser.AxeCheck;

namespace PartyMode.Tests.Web.Browser;

/// <summary>What the handout browser tests share: uploads, image checks, screenshots and axe.</summary>
public abstract class HandoutTestBase : BrowserTestBase
{
    private protected async Task<string> UploadAsync(byte[] image, string title, string type = "image/gif")
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.TokenFor("dm"));
        using var body = new ByteArrayContent(image);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var response = await http.PostAsync($"/api/dm/handouts?title={Uri.EscapeDataString(title)}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return (string)System.Text.Json.Nodes.JsonNode.Parse(text)!["handout"]!["id"]!;
    }

    private protected async Task<HttpStatusCode> ImageStatusAsync(string seat, string id)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.LocalUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.TokenFor(seat));
        using var response = await http.GetAsync($"/api/handouts/{id}/image");
        return response.StatusCode;
    }

    /// <summary>The image is drawn from a blob: URL and decoded at its real width.</summary>
    private protected static async Task ExpectImageAsync(ILocator img, int? width)
    {
        await Expect(img).ToHaveAttributeAsync("src", new Regex("^blob:"));
        var natural = await img.EvaluateAsync<int>("async i => { await i.decode(); return i.naturalWidth; }");
        Assert.That(natural, width is { } w ? Is.EqualTo(w) : Is.GreaterThan(0));
    }

    /// <summary>No request the page made, and no image on it, carries the seat's token.</summary>
    private protected async Task ExpectNoTokenInUrlsAsync(IPage page, string seat)
    {
        var urls = await page.EvaluateAsync<string[]>("() => [...performance.getEntriesByType('resource').map(e => e.name), ...[...document.images].map(i => i.src), location.href]");
        Assert.That(urls, Has.None.Contains(Server.TokenFor(seat)));
        Assert.That(urls.Where(u => u.Contains("/api/handouts/", StringComparison.Ordinal)), Is.Not.Empty, "the image was fetched");
    }

    private protected static async Task ShotAsync(IPage page, string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name) });
    }
}
