namespace PartyMode.Cli.Storage;

/// <summary>
/// One document write of a change set, serialised once: what the commit journal records and what is later
/// applied to LiteDB. <see cref="Json"/> null deletes the document.
/// </summary>
/// <param name="Collection">The LiteDB collection.</param>
/// <param name="TextId">The document's id when it is text.</param>
/// <param name="NumberId">The document's id when it is a number (events, by seq).</param>
/// <param name="Json">The engine's JSON of the document, or null to delete it.</param>
/// <param name="Append">An event: only ever inserted, so the first write may skip the update attempt of an upsert.</param>
internal readonly record struct DocWrite(string Collection, string? TextId, long NumberId, string? Json, bool Append);
