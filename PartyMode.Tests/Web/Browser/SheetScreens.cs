using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PartyMode.Tests.Support;
using static PartyMode.Tests.Web.Browser.AxeCheck;

namespace PartyMode.Tests.Web.Browser;

/// <summary>What the sheet tests share: the layout check, screenshots, axe, a player's own HTTP calls.</summary>
internal static class SheetScreens
{
    /// <summary>Visible controls inside <c>root</c> shorter than a fingertip, or sticking out of the screen.</summary>
    public const string LayoutProblems = """
        (sel) => {
          const out = [];
          const w = window.innerWidth;
          const root = document.querySelector(sel) || document.body;
          for (const el of root.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.dataset.testid ? `[${el.dataset.testid}]` : '');
            if (r.right > w + 1 && !el.closest('.sr-only')) out.push(`${name} overflows to ${Math.round(r.right)}px`);
            const tappable = el.matches('button, select, textarea, input:not([type=checkbox]), [role=tab], a.btn');
            if (tappable && (r.height < 43.5 || r.width < 43.5)) out.push(`${name} is ${Math.round(r.width)}x${Math.round(r.height)}px`);
          }
          return out;
        }
        """;

    public static async Task<string[]> ProblemsAsync(IPage page, string selector) =>
        await page.EvaluateAsync<string[]>(LayoutProblems, selector);

    public static async Task<string> ShotAsync(IPage page, string name, bool fullPage = false)
    {
        var dir = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>Screenshots of the open sheet dialog, one a screenful as a phone shows it (name-1.png, name-2.png, …).</summary>
    public static async Task<IReadOnlyList<string>> SheetShotsAsync(IPage page, string name, int maxShots = 8)
    {
        var shots = new List<string>();
        await page.EvaluateAsync("() => { document.getElementById('sheet').scrollTop = 0; }");
        for (var i = 1; i <= maxShots; i++)
        {
            shots.Add(await ShotAsync(page, $"{name}-{i}.png"));
            var moved = await page.EvaluateAsync<bool>("() => { const d = document.getElementById('sheet'); const before = d.scrollTop; d.scrollTop = before + d.clientHeight - 40; return d.scrollTop > before; }");
            if (!moved)
            {
                break;
            }
        }

        await page.EvaluateAsync("() => { document.getElementById('sheet').scrollTop = 0; }");
        return shots;
    }

    /// <summary>POSTs as a player seat; returns the status code and the body.</summary>
    public static async Task<(int Status, JsonNode? Body)> PlayerPostAsync(string baseUrl, string token, string path, object body)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await http.PostAsync(path, JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
