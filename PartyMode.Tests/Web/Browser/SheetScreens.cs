using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PartyMode.Tests.Support;

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

    /// <summary>A screenshot of the open sheet dialog's whole content (it scrolls inside the dialog).</summary>
    public static async Task<string> SheetShotAsync(IPage page, string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        // The dialog is as tall as the screen: let it grow to its content for one picture.
        await page.EvaluateAsync("() => { const d = document.getElementById('sheet'); d.dataset.shot = '1'; d.style.maxHeight = 'none'; d.style.position = 'absolute'; document.body.style.overflow = 'visible'; document.body.style.height = 'auto'; }");
        await page.GetByTestId("sheet").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        await page.EvaluateAsync("() => { const d = document.getElementById('sheet'); d.style.maxHeight = ''; d.style.position = ''; document.body.style.overflow = ''; document.body.style.height = ''; }");
        return path;
    }

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string view)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{view}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
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
