namespace PartyMode.Cli.Commands;

/// <summary>
/// <c>serve --public-url</c>: the base of every join link and QR code. An address without a scheme
/// (<c>192.168.1.20:8080</c>) gets <c>http://</c>; anything a phone could not open is refused with the fix.
/// </summary>
internal static class PublicUrl
{
    /// <summary>The usable base URL (no trailing slash), or null with <paramref name="error"/> saying what to pass.</summary>
    public static string? Normalize(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "http://" + trimmed;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Host.Length == 0
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            error = $"--public-url '{text}' is not an address phones can open: pass http://ADDRESS:PORT, for example --public-url http://192.168.1.20:8080.";
            return null;
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>A warning when the link's port is not the one PartyMode listens on (fine behind a forwarding proxy, wrong otherwise).</summary>
    public static string? PortWarning(string url, int listening)
    {
        var port = new Uri(url).Port;
        return port == listening
            ? null
            : $"Note: --public-url {url} uses port {port} but PartyMode listens on port {listening}; phones reach it only if something forwards {port} to {listening}.";
    }
}
