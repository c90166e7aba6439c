namespace PartyMode.Tests.Engine.Combat;

/// <summary>Small helpers that keep assertions on lists readable.</summary>
internal static class TestText
{
    /// <summary>Joins ids with commas, e.g. <c>thorin,goblin</c>.</summary>
    /// <param name="ids">The ids.</param>
    /// <returns>The joined text.</returns>
    public static string JoinIds(this IEnumerable<string> ids) => string.Join(',', ids);
}
