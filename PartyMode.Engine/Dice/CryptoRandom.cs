using System.Security.Cryptography;

namespace PartyMode.Engine.Dice;

/// <summary>
/// A <see cref="Random"/> whose every number comes from the operating system's cryptographically secure
/// generator (docs/protocol.md §7.1): the game's default dice. Tests pass a seeded <see cref="Random"/> instead.
/// </summary>
public sealed class CryptoRandom : Random
{
    /// <summary>The shared instance (thread-safe: it keeps no state).</summary>
    public static readonly CryptoRandom Instance = new();

    /// <inheritdoc/>
    public override int Next() => RandomNumberGenerator.GetInt32(int.MaxValue);

    /// <inheritdoc/>
    public override int Next(int maxValue) => maxValue <= 0 ? 0 : RandomNumberGenerator.GetInt32(maxValue);

    /// <inheritdoc/>
    public override int Next(int minValue, int maxValue) => maxValue <= minValue ? minValue : RandomNumberGenerator.GetInt32(minValue, maxValue);

    /// <inheritdoc/>
    public override long NextInt64() => NextInt64(0, long.MaxValue);

    /// <inheritdoc/>
    public override long NextInt64(long minValue, long maxValue)
    {
        if (maxValue <= minValue)
        {
            return minValue;
        }

        // Rejection sampling over the range keeps every value equally likely.
        var range = (ulong)(maxValue - minValue);
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        Span<byte> bytes = stackalloc byte[8];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var value = BitConverter.ToUInt64(bytes);
            if (value < limit)
            {
                return minValue + (long)(value % range);
            }
        }
    }

    /// <inheritdoc/>
    public override double NextDouble() => (NextInt64(0, 1L << 53)) / (double)(1L << 53);

    /// <inheritdoc/>
    public override void NextBytes(byte[] buffer) => RandomNumberGenerator.Fill(buffer);

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);

    /// <inheritdoc/>
    protected override double Sample() => NextDouble();
}
