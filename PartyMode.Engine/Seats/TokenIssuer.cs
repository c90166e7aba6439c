using System.Security.Cryptography;
using System.Text;

namespace PartyMode.Engine.Seats;

/// <summary>
/// Derives tokens as truncated HMAC-SHA256(key, seat:generation): 192 bits, URL-safe, stable across
/// restarts, and a refresh is a generation bump. The store keeps no token.
/// </summary>
public sealed class TokenIssuer
{
    /// <summary>Token length in bytes before encoding (192 bits).</summary>
    public const int TokenBytes = 24;

    private readonly byte[] _key;

    /// <summary>Creates an issuer over a secret key.</summary>
    /// <param name="key">At least 32 random bytes, kept owner-only by the host.</param>
    public TokenIssuer(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The token key must have at least 32 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A fresh random key for a new data folder.</summary>
    /// <returns>32 random bytes.</returns>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The token of a seat at a generation.</summary>
    /// <param name="seatId">The seat id.</param>
    /// <param name="generation">The seat's generation.</param>
    /// <returns>A 32-character URL-safe token.</returns>
    public string Issue(string seatId, int generation)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(seatId + ":" + generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Convert.ToBase64String(mac, 0, TokenBytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Constant-time comparison of two tokens.</summary>
    /// <param name="presented">What the client sent.</param>
    /// <param name="expected">The seat's current token.</param>
    /// <returns>True when equal.</returns>
    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(expected));

    /// <summary>True when the text has the shape of a token (length and alphabet), before any lookup.</summary>
    /// <param name="text">The presented token.</param>
    /// <returns>Whether it is well-formed.</returns>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length != 32)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
