namespace PartyMode.Cli;

/// <summary>The layout of a PartyMode data folder. Only the daemon opens the data file.</summary>
internal sealed class DataFolder
{
    private DataFolder(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>The LiteDB file with the whole game.</summary>
    public string DataFile => Path.Combine(Root, "party.db");

    /// <summary>Held exclusively by the one daemon of this folder.</summary>
    public string LockFile => Path.Combine(Root, "daemon.lock");

    /// <summary><c>{url, pid, started_at, version}</c> of the running daemon.</summary>
    public string DaemonFile => Path.Combine(Root, "daemon.json");

    /// <summary>The DM token, one line, owner-only.</summary>
    public string DmTokenFile => Path.Combine(Root, "dm.token");

    /// <summary>The HMAC key tokens derive from, owner-only.</summary>
    public string KeyFile => Path.Combine(Root, "token.key");

    public string QrFolder => Path.Combine(Root, "qr");

    public string LogFolder => Path.Combine(Root, "logs");

    /// <summary>Handout images, one file per content, named by SHA-256 (docs/protocol.md §9.1).</summary>
    public string HandoutFolder => Path.Combine(Root, "handouts");

    public static DataFolder Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new DataFolder(option);
        }

        var env = Environment.GetEnvironmentVariable("PARTYMODE_DATA");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return new DataFolder(env);
        }

        var appData = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(appData))
        {
            appData = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return new DataFolder(Path.Combine(appData, "partymode"));
    }

    /// <summary>Creates the folder (0700 on Unix) if needed.</summary>
    public void EnsureExists()
    {
        CreatePrivateDirectory(Root);
    }

    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Writes a file readable by its owner only (0600), replacing it atomically.</summary>
    public static void WritePrivateFile(string path, byte[] content)
    {
        var temp = path + ".tmp";
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllBytes(temp, content);
        }
        else
        {
            using var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            stream.Write(content);
            stream.Flush(flushToDisk: true);
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }
}
