using PartyMode.Engine.Seats;

namespace PartyMode.Cli.Hosting;

/// <summary>The owner-only secret tokens derive from (DATA/token.key).</summary>
internal static class TokenKey
{
    public static byte[] LoadOrCreate(DataFolder folder)
    {
        if (File.Exists(folder.KeyFile))
        {
            var key = File.ReadAllBytes(folder.KeyFile);
            if (key.Length >= 32)
            {
                return key;
            }

            throw new StartupException($"The token key {folder.KeyFile} is damaged (shorter than 32 bytes). Delete it to issue new tokens for every seat.");
        }

        var created = TokenIssuer.NewKey();
        DataFolder.WritePrivateFile(folder.KeyFile, created);
        return created;
    }
}
