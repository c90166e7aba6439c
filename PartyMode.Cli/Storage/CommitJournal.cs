using System.Buffers.Binary;
using System.Text;

namespace PartyMode.Cli.Storage;

/// <summary>
/// The commit journal (<c>party.journal</c>, docs/protocol.md §6): one record per group commit, appended and
/// flushed before the commit is acknowledged. It holds every commit since the last checkpoint, so LiteDB can
/// take the documents later, many commits in one transaction; a checkpoint empties it.
/// </summary>
/// <remarks>
/// A record is <c>magic, payload length, CRC-32 of the payload</c> (three little-endian 32-bit numbers), then the
/// payload: the number of document writes, then each write's collection, flags, id and JSON. Reading stops at
/// the first record that is not whole (a torn tail, or the zeros an emptied journal leaves), so a commit that was
/// never acknowledged is never half-replayed.
/// </remarks>
internal sealed class CommitJournal : IDisposable
{
    private const uint Magic = 0x314A4D50; // "PMJ1"
    private const int HeaderBytes = 12;
    private const byte NumberIdFlag = 1;
    private const byte DeleteFlag = 2;
    private const byte AppendFlag = 4;
    private readonly PreallocatedFile _file;
    private readonly MemoryStream _record = new();
    private long _end;

    private CommitJournal(PreallocatedFile file, long end)
    {
        _file = file;
        _end = end;
    }

    /// <summary>Bytes of whole records in the journal.</summary>
    public long Length => _end;

    /// <summary>Opens (or creates) the journal and reads back the writes of its whole records, in order.</summary>
    public static CommitJournal Open(string path, out List<DocWrite> recovered)
    {
        var file = PreallocatedFile.Open(path);
        try
        {
            recovered = [];
            return new CommitJournal(file, ReadAll(file, recovered));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Appends one record holding <paramref name="writes"/> (written to the operating system, not yet flushed).</summary>
    public void Append(IReadOnlyList<DocWrite> writes)
    {
        _record.SetLength(HeaderBytes);
        _record.Position = HeaderBytes;
        using (var w = new BinaryWriter(_record, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(writes.Count);
            foreach (var d in writes)
            {
                w.Write(d.Collection);
                w.Write((byte)((d.TextId is null ? NumberIdFlag : 0) | (d.Json is null ? DeleteFlag : 0) | (d.Append ? AppendFlag : 0)));
                if (d.TextId is null)
                {
                    w.Write(d.NumberId);
                }
                else
                {
                    w.Write(d.TextId);
                }

                if (d.Json is not null)
                {
                    w.Write(d.Json);
                }
            }
        }

        var bytes = _record.GetBuffer().AsSpan(0, (int)_record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[4..], bytes.Length - HeaderBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], Crc32.Of(bytes[HeaderBytes..]));
        _file.Position = _end;
        _file.Write(bytes);
        _end += bytes.Length;
    }

    /// <summary>Flushes the appended records to the disk: the commits' durability point.</summary>
    public void FlushToDisk() => _file.FlushToDisk();

    /// <summary>Empties the journal (zeros on the disk before this returns): everything in it is in the data file.</summary>
    public void Reset()
    {
        _file.SetLength(0);
        _end = 0;
    }

    /// <summary>True when the file holds bytes past its whole records (a torn record) or records: it must be emptied before reuse.</summary>
    public bool HasBytes => _file.Length > 0;

    public void Dispose() => _file.Dispose();

    private static long ReadAll(PreallocatedFile file, List<DocWrite> into)
    {
        var header = new byte[HeaderBytes];
        var at = 0L;
        while (true)
        {
            file.Position = at;
            if (file.Read(header) < HeaderBytes || BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
            {
                return at;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
            if (length < 4 || length > file.Length - at - HeaderBytes)
            {
                return at;
            }

            var payload = new byte[length];
            if (file.Read(payload) < length || Crc32.Of(payload) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8)) || !TryParse(payload, into))
            {
                return at;
            }

            at += HeaderBytes + length;
        }
    }

    private static bool TryParse(byte[] payload, List<DocWrite> into)
    {
        var parsed = new List<DocWrite>();
        try
        {
            using var r = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var collection = r.ReadString();
                var flags = r.ReadByte();
                var (text, number) = (flags & NumberIdFlag) != 0 ? ((string?)null, r.ReadInt64()) : (r.ReadString(), 0L);
                var json = (flags & DeleteFlag) != 0 ? null : r.ReadString();
                parsed.Add(new DocWrite(collection, text, number, json, (flags & AppendFlag) != 0));
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException)
        {
            return false;
        }

        into.AddRange(parsed);
        return true;
    }
}
