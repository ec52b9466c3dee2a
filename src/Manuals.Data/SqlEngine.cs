namespace Manuals.Data;

/// <summary>The database engines Manuals runs on.</summary>
public enum SqlEngine
{
    /// <summary>Embedded default: one file under <c>data/</c>.</summary>
    Sqlite,

    /// <summary>Scale-out engine for several web nodes.</summary>
    Postgres,
}
