namespace PartyMode.Cli.Campaigns.Dm20;

/// <summary>Replaces a file atomically: the new text goes to a temporary file beside it, then takes its name; the old one can be kept as <c>*.bak</c>.</summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, string text, bool backup)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            {
                await writer.WriteAsync(text);
                await writer.FlushAsync();
                stream.Flush(flushToDisk: true);
            }

            if (backup && File.Exists(full))
            {
                File.Copy(full, full + ".bak", overwrite: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
