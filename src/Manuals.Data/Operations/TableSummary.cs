namespace Manuals.Data.Operations;

/// <summary>
/// One table's row count and checksum (SHA-256, lower-case hex, of its rows in primary-key order in the engine-neutral
/// form of <see cref="TableChecksums"/>): equal on SQLite and PostgreSQL for the same data.
/// </summary>
public sealed record TableSummary(string Table, long Rows, string Checksum);
