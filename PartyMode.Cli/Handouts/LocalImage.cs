namespace PartyMode.Cli.Handouts;

/// <summary>
/// An image file on this machine that the CLI or the MCP process uploads (docs/protocol.md §9.1): read and
/// sniffed here so a wrong file gets a sentence naming it before anything is sent (the daemon checks again).
/// </summary>
/// <param name="Path">The full path.</param>
/// <param name="Data">The bytes.</param>
/// <param name="Type">The media type its content says.</param>
internal sealed record LocalImage(string Path, byte[] Data, string Type)
{
    /// <summary>The default title: the file name without its extension.</summary>
    public string DefaultTitle => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Missing, unreadable, too large to be sane, or not a PNG, JPEG, WebP or GIF image; the message says which.</exception>
    public static LocalImage Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        byte[] data;
        try
        {
            // The daemon's limit is at most 100 MB; a bigger file is refused without reading it.
            if (new FileInfo(full).Length > 100L * 1024 * 1024)
            {
                throw new InvalidDataException($"{full} is over 100 MB; handouts are at most serve --max-handout-mb (10 MB by default).");
            }

            data = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"There is no file {full}; give the path of a PNG, JPEG, WebP or GIF image.", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InvalidDataException($"{full} cannot be read ({e.Message}).", e);
        }

        var image = ImageSniffer.Sniff(data)
            ?? throw new InvalidDataException($"{full} is not a PNG, JPEG, WebP or GIF image (SVG, HTML and other files cannot be handouts); convert it to PNG or JPEG.");
        return new LocalImage(full, data, image.Type);
    }
}
