using System.Diagnostics;

namespace PartyMode.Bench;

/// <summary>
/// The handout row (#22): the DM uploads one 1 MB PNG and shows it to everyone; once every socket
/// holds the handout event, each observer fetches the image with its token (a bounded number at a
/// time, as this one process holds every observer). Timed from the show request to the last byte.
/// </summary>
internal static class HandoutBench
{
    private const int ImageBytes = 1_000_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<HandoutResult> RunAsync(FanoutSession session, int downloads, int parallel, CancellationToken ct)
    {
        var server = session.Server;
        var png = Png(ImageBytes);
        var id = await server.Api.UploadHandoutAsync(png, "Bench map", ct);
        var result = new HandoutResult { ImageBytes = png.Length, Downloads = downloads, RssBefore = server.RssBytes };
        var tracker = session.Fleet.Tracker;
        var round = tracker.NextRound();
        var shown = tracker.Begin(round, RoundPhase.Action, -1, session.Fleet.Sockets);
        var cpu = ProcStats.CpuMs(server.Pid);
        using var sampling = new CancellationTokenSource();
        var sampler = SampleRssAsync(server, result, sampling.Token);
        var start = Stopwatch.GetTimestamp();
        await server.Api.ShowHandoutAsync(id, $"The innkeeper unrolls a map. {RoundTracker.Marker(round, 'A')}", ct);
        await shown.WaitAsync(Timeout, ct);
        result.EventMs = RoundTracker.TicksToMs(tracker.LastTicks - start);

        using var gate = new SemaphoreSlim(parallel);
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, downloads).Select(async _ =>
        {
            await gate.WaitAsync(ct);
            try
            {
                if (await server.Api.DownloadHandoutAsync(server.ObserverToken, id, ct) != png.Length)
                {
                    Interlocked.Increment(ref failed);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                gate.Release();
            }
        })).WaitAsync(Timeout, ct);
        result.LastDownloadMs = RoundTracker.TicksToMs(Stopwatch.GetTimestamp() - start);
        result.ServerCpuMs = ProcStats.CpuMs(server.Pid) - cpu;
        result.Failed = failed;
        await sampling.CancelAsync();
        await sampler;
        result.RssAfter = server.RssBytes;
        return result;
    }

    private static async Task SampleRssAsync(ServerProcess server, HandoutResult result, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            result.RssPeak = Math.Max(result.RssPeak, server.RssBytes);
            try
            {
                await Task.Delay(10, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        result.RssPeak = Math.Max(result.RssPeak, server.RssBytes);
    }

    /// <summary>A valid PNG header (signature, IHDR 1000×1000 RGB) and one IDAT of random bytes: what the server checks, at the size asked.</summary>
    private static byte[] Png(int size)
    {
        using var stream = new MemoryStream(size);
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, 1000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 1000);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(stream, "IHDR", ihdr);
        var data = new byte[size - (int)stream.Length - 12 - 12];
        new Random(22).NextBytes(data);
        Chunk(stream, "IDAT", data);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        stream.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        stream.Write(word);
    }

    /// <summary>PNG's CRC-32 (ISO 3309), so the file is a well-formed PNG, not only one the server accepts.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
