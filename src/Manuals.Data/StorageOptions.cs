namespace Manuals.Data;

/// <summary>The <c>Storage</c> configuration section plus <c>ConnectionStrings:Manuals</c>.</summary>
public sealed class StorageOptions
{
    public SqlEngine Provider { get; set; } = SqlEngine.Sqlite;

    /// <summary>Connection string; for SQLite, a relative <c>Data Source</c> is resolved against the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/manuals.db";
}
