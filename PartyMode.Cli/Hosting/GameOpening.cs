using PartyMode.Cli.DataSafety;
using PartyMode.Cli.Publishing;
using PartyMode.Cli.Storage;
using PartyMode.Engine;
using PartyMode.Engine.Campaigns;
using PartyMode.Engine.Storage;

namespace PartyMode.Cli.Hosting;

/// <summary>Opening the game file and the game in it, with a damaged or unreadable file turned into one sentence (docs/reliability.md §2).</summary>
internal static class GameOpening
{
    /// <summary>Opens the game file; one that cannot be opened is refused with the sentence of docs/reliability.md §2.</summary>
    public static LiteDbGameStore OpenStore(DataFolder folder, Serilog.ILogger log, bool flushToDisk, bool reset, CommitPipeline pipeline, TimeProvider clock)
    {
        try
        {
            return new LiteDbGameStore(folder.DataFile, log, flushToDisk, committed: pipeline);
        }
        catch (Exception ex) when (reset && ex is not (OutOfMemoryException or UnauthorizedAccessException))
        {
            // --reset over a file that cannot be opened: it is kept in DATA/damaged/, and the new game starts.
            log.Warning("The game file {File} could not be opened ({Reason}); it is kept in damaged/ and a new game starts (--reset)", folder.DataFile, ex.Message);
            BackupRestore.MoveAside(folder, clock.GetUtcNow());
            return new LiteDbGameStore(folder.DataFile, log, flushToDisk, committed: pipeline);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw FolderAccess.Refused(folder, ex);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or StartupException))
        {
            throw GameFile.Damaged(folder, ex);
        }
    }

    /// <summary>Loads the stored game (null for an empty file); a file whose documents cannot be read is refused as damaged.</summary>
    public static Game? LoadGame(DataFolder folder, LiteDbGameStore store, CommitWatermark watermark, byte[] key, GameOptions options, TimeProvider clock, string? campaignId)
    {
        try
        {
            return Game.Load(store, watermark, key, options, clock, campaignId);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or CampaignMismatchException or StartupException or GameException))
        {
            throw GameFile.Damaged(folder, ex);
        }
    }

    public static (Engine.Model.Campaign Campaign, bool Given) LoadCampaign(PartyServerOptions options)
    {
        if (options.CampaignFile is null)
        {
            return (CampaignLoader.Demo(), false);
        }

        // A PartyMode file, a dm20 file or a dm20 folder, told apart by content (docs/protocol.md §10.2).
        return (Campaigns.CampaignSources.Load(options.CampaignFile).Campaign, true);
    }
}
