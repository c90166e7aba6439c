namespace PartyMode.Cli.Web.Handouts;

/// <summary>The upload limit, <c>serve --max-handout-mb</c> (default 10; docs/protocol.md §9.1).</summary>
/// <param name="MaxBytes">The largest image accepted, in bytes.</param>
internal sealed record HandoutSettings(long MaxBytes)
{
    public long MaxMegabytes => MaxBytes / (1024 * 1024);
}
