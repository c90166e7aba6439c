namespace PartyMode.Engine.Handouts;

/// <summary>
/// An image the DM can show to chosen screens (docs/protocol.md §9): its record. The bytes are the host's,
/// stored once per content by <see cref="Sha256"/>. A stored document.
/// </summary>
public sealed class Handout
{
    /// <summary>The id, e.g. <c>ho_000001</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The title the table reads.</summary>
    public string Title { get; set; } = "";

    /// <summary>The media type: <c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c> or <c>image/gif</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The image's size in bytes.</summary>
    public long Bytes { get; set; }

    /// <summary>Width in pixels, read from the image's header.</summary>
    public int Width { get; set; }

    /// <summary>Height in pixels, read from the image's header.</summary>
    public int Height { get; set; }

    /// <summary>The SHA-256 of the bytes, lowercase hex: the name of the stored file.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>When it was uploaded or imported.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The campaign entry whose <c>image</c> it is (<c>npc:ID</c>, <c>location:ID</c>, <c>character:ID</c>); null for an upload.</summary>
    public string? Subject { get; set; }

    /// <summary>A copy.</summary>
    public Handout Snapshot() => (Handout)MemberwiseClone();
}
