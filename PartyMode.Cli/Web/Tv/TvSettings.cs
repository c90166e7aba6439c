namespace PartyMode.Cli.Web.Tv;

/// <summary>What the observer's TV may show beyond the public story (<c>serve --tv-join-codes</c>).</summary>
/// <param name="JoinCodes">True when the lobby may show a join QR code for each seat not yet connected.</param>
internal sealed record TvSettings(bool JoinCodes);
