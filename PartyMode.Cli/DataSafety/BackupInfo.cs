namespace PartyMode.Cli.DataSafety;

/// <summary>One backup of the game file: a consistent, self-contained copy in <c>DATA/backups/</c>.</summary>
/// <param name="Name">The file name, e.g. <c>party-20261202-201500.db</c>.</param>
/// <param name="Path">The full path.</param>
/// <param name="TakenAt">When it was taken (UTC, from its name).</param>
/// <param name="Bytes">Its size.</param>
internal sealed record BackupInfo(string Name, string Path, DateTimeOffset TakenAt, long Bytes);
