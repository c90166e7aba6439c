using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PartyMode.Cli.Storage;

/// <summary>
/// A file that keeps its blocks (docs/protocol.md §6): LiteDB's log (<c>party-log.db</c>) and the commit journal
/// (<c>party.journal</c>). LiteDB empties its log at every checkpoint, so every commit after it appended to the
/// file and grew it: each page write allocated a block and each fsync wrote the file's metadata too. Here the
/// file keeps its size, and emptying it overwrites the used bytes with zeros instead, so a commit overwrites
/// blocks the file already has and its fsync writes the data alone (docs/benchmarks.md, seventh round).
/// </summary>
/// <remarks>
/// As LiteDB's log the file stays in LiteDB's own format: pages at the offsets LiteDB chose, then zeroed pages,
/// which LiteDB skips when it reads a log (a blank page is "no page"). The length LiteDB sees ends after the
/// last page that is not blank. Zeros are written and flushed before the file is reused, as LiteDB numbers
/// transactions from 1 again after a checkpoint and must never meet an old page under a reused number.
/// </remarks>
internal sealed class PreallocatedFile : Stream
{
    /// <summary>LiteDB 5's page size: the length ends after the last 8 KiB page that is not all zeros (a short last page: at its end).</summary>
    public const int PageSize = 8192;
    private const long GrowStep = 1 << 20;
    private static readonly byte[] Zeros = new byte[64 * 1024];
    private readonly SafeFileHandle _file;
    private readonly string _path;
    private long _length;
    private long _allocated;
    private long _position;

    private PreallocatedFile(string path, SafeFileHandle file, long length, long allocated)
    {
        _path = path;
        _file = file;
        _length = length;
        _allocated = allocated;
    }

    /// <summary>Opens (or creates) the file; the length is where its last page that is not blank ends.</summary>
    public static PreallocatedFile Open(string path)
    {
        var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var allocated = RandomAccess.GetLength(file);
            return new PreallocatedFile(path, file, EndOfPages(file, allocated), allocated);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The bytes the file holds on the disk, used or zeroed (for tests and diagnostics).</summary>
    public long Allocated => _allocated;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => _length + offset,
    };

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var available = (int)Math.Clamp(_length - _position, 0, buffer.Length);
        var read = available == 0 ? 0 : RandomAccess.Read(_file, buffer[..available], _position);
        _position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var end = _position + buffer.Length;
        if (end > _allocated)
        {
            Grow(end);
        }

        RandomAccess.Write(_file, buffer, _position);
        _position = end;
        _length = Math.Max(_length, end);
    }

    /// <summary>
    /// Empties (a checkpoint) or cuts the file: the bytes past <paramref name="value"/> become zeros on the
    /// disk before this returns, and the file keeps its blocks.
    /// </summary>
    public override void SetLength(long value)
    {
        if (value >= _length)
        {
            _length = value;
            return;
        }

        Fill(value, _length);
        FlushToDisk();
        _length = value;
    }

    /// <summary>Nothing is buffered: every write is already the operating system's.</summary>
    public override void Flush()
    {
    }

    /// <summary>Flushes what was written to the disk (the commit's durability point).</summary>
    /// <remarks>
    /// On Linux <c>fdatasync</c>: the data and the file's size, not its timestamps. On a journaling file system
    /// an <c>fsync</c> after every commit also commits the journal for the new modification time, twice the
    /// wait on an ext4 with a journal (docs/benchmarks.md, seventh round).
    /// </remarks>
    /// <exception cref="IOException">The disk refused the flush.</exception>
    public void FlushToDisk()
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(_file);
            return;
        }

        if (FlushData(_file) != 0)
        {
            throw new IOException($"Could not flush {_path} to the disk (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>Closes the file; an empty one is deleted, as LiteDB deletes its log when it closes.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_file.IsClosed)
        {
            var empty = _length == 0;
            _file.Dispose();
            if (empty)
            {
                File.Delete(_path);
            }
        }

        base.Dispose(disposing);
    }

    // Zeros written rather than a sparse or fallocated range: blocks that hold real zeros are overwritten
    // later with no change to the file's metadata.
    private void Grow(long needed)
    {
        var target = Math.Max(needed, _allocated + Math.Min(Math.Max(_allocated, GrowStep), 16 * GrowStep));
        target = (target + GrowStep - 1) / GrowStep * GrowStep;
        Fill(_allocated, target);
        _allocated = target;
    }

    private void Fill(long from, long to)
    {
        for (var at = from; at < to; at += Zeros.Length)
        {
            RandomAccess.Write(_file, Zeros.AsSpan(0, (int)Math.Min(Zeros.Length, to - at)), at);
        }
    }

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static extern int FlushData(SafeFileHandle fd);

    private static long EndOfPages(SafeFileHandle file, long allocated)
    {
        // A short last page (a write cut while the file grew) counts too, so it is zeroed before reuse.
        var page = new byte[PageSize];
        var end = 0L;
        for (var at = 0L; at < allocated; at += PageSize)
        {
            var read = RandomAccess.Read(file, page, at);
            if (page.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                end = at + read;
            }
        }

        return end;
    }
}
