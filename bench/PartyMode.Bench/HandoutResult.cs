namespace PartyMode.Bench;

/// <summary>The handout row: one image shown to the audience, then fetched by every observer.</summary>
internal sealed class HandoutResult
{
    public long ImageBytes { get; set; }

    public int Downloads { get; set; }

    public int Failed { get; set; }

    /// <summary>Show request sent → every socket holds the handout event.</summary>
    public double EventMs { get; set; }

    /// <summary>Show request sent → the last observer has the whole image.</summary>
    public double LastDownloadMs { get; set; }

    public double ServerCpuMs { get; set; }

    public long RssBefore { get; set; }

    /// <summary>The highest RSS sampled while the downloads ran.</summary>
    public long RssPeak { get; set; }

    public long RssAfter { get; set; }
}
