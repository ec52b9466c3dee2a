namespace Manuals.Data.Operations;

/// <summary>
/// <c>manifest.json</c> of a backup file: who made it (<paramref name="AppVersion"/>), the last migration applied
/// (<paramref name="SchemaVersion"/>, e.g. <c>27</c>), the engine (<c>Sqlite</c> or <c>Postgres</c>), when, every table's
/// count and checksum as the payload holds them, and the payload's SHA-256.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion,
    string AppVersion,
    string SchemaVersion,
    string Engine,
    DateTimeOffset CreatedAt,
    IReadOnlyList<TableSummary> Tables,
    string PayloadSha256);
