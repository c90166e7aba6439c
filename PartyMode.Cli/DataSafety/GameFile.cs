using LiteDB;
using PartyMode.Cli.Hosting;

namespace PartyMode.Cli.DataSafety;

/// <summary>
/// Checks on the game file before and while the daemon opens it (docs/reliability.md §2): a damaged
/// file is refused with one sentence naming it and what to do, and a missing or empty one in a folder
/// that has held a game is never silently replaced by a new game.
/// </summary>
internal static class GameFile
{
    /// <summary>Refuses to start over a lost game: <c>party.db</c> missing or empty where a token key or backups show a game was here.</summary>
    /// <exception cref="StartupException">The game file is gone but the folder has history.</exception>
    public static void EnsureNotLost(DataFolder folder)
    {
        var file = new FileInfo(folder.DataFile);
        if (file.Exists && file.Length > 0)
        {
            return;
        }

        if (new GameBackups(folder).FolderHasHistory())
        {
            var what = file.Exists ? "is empty" : "is missing";
            throw new StartupException(
                $"The game file {folder.DataFile} {what}, but this folder has held a game. {Remedy(folder)}");
        }
    }

    /// <summary>The sentence for a game file that could not be opened or read.</summary>
    public static StartupException Damaged(DataFolder folder, Exception cause) =>
        new($"The game file {folder.DataFile} is damaged and cannot be opened ({Reason(cause)}). {Remedy(folder)}", cause);

    /// <summary>Opens a game file read-only and counts what it holds; throws when it cannot be read.</summary>
    public static GameFileSummary Probe(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true, Connection = ConnectionType.Direct });
        var meta = db.GetCollection("meta").FindById("game");
        string? campaign = null;
        if (meta is not null)
        {
            using var json = System.Text.Json.JsonDocument.Parse(meta["j"].AsString);
            campaign = json.RootElement.TryGetProperty("campaign_name", out var name) ? name.GetString() : null;
        }

        return new GameFileSummary(campaign, db.CollectionExists("events") ? db.GetCollection("events").LongCount() : 0);
    }

    private static string Remedy(DataFolder folder) =>
        new GameBackups(folder).List().Count > 0
            ? $"Restore the newest backup with 'partymode backup restore latest --data {Quote(folder.Root)}' (the damaged file is kept beside it), or start a new game with 'partymode serve --reset'."
            : "There is no backup to restore; start a new game with 'partymode serve --reset' (the old file is wiped).";

    private static string Reason(Exception cause)
    {
        var message = cause.Message.ReplaceLineEndings(" ");
        return message.Length > 120 ? message[..120] + "…" : message;
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
