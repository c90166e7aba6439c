using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PartyMode.Tests.Web.Browser;

/// <summary>The one axe-core check of the browser tests: serious and critical violations, each named with its view.</summary>
internal static class AxeCheck
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string view)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{view}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }
}
