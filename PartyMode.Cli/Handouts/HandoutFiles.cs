using System.Security.Cryptography;
using PartyMode.Cli.DataSafety;
using PartyMode.Engine.Handouts;

namespace PartyMode.Cli.Handouts;

/// <summary>
/// Handout images in <c>DATA/handouts/</c> (docs/protocol.md §9.1): one owner-only file per content, named
/// by its SHA-256. A file is written to a temporary name, flushed to the disk, renamed and the folder
/// flushed before the upload is acknowledged, so an acknowledged handout's image survives a crash or a power cut.
/// </summary>
internal sealed class HandoutFiles(DataFolder folder)
{
    /// <summary>Stores the bytes (once per content) and returns what the engine records.</summary>
    public HandoutImage Store(ReadOnlySpan<byte> data, SniffedImage image)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(data));
        var path = PathOf(sha, image.Type);
        if (!File.Exists(path) || new FileInfo(path).Length != data.Length)
        {
            DataFolder.CreatePrivateDirectory(folder.HandoutFolder);
            var temp = Path.Combine(folder.HandoutFolder, $".{sha}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = OwnerOnly.Create(temp))
                {
                    stream.Write(data);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, path, overwrite: true);
                DirectorySync.Flush(folder.HandoutFolder); // the rename itself survives a power cut
            }
            finally
            {
                File.Delete(temp);
            }
        }

        return new HandoutImage(image.Type, data.Length, image.Width, image.Height, sha);
    }

    /// <summary>The stored bytes of a handout, or null when its file is gone.</summary>
    public byte[]? Read(Handout handout)
    {
        try
        {
            return File.ReadAllBytes(PathOf(handout.Sha256, handout.Type));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Where the content with this SHA-256 lives (the extension only helps people looking at the folder).</summary>
    public string PathOf(string sha256, string type) =>
        Path.Combine(folder.HandoutFolder, sha256 + ImageSniffer.ExtensionOf(type));
}
