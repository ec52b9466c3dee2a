namespace Manuals.Core.Audit;

/// <summary>Bounds of the audit log: page size, export size and field lengths.</summary>
public static class AuditLimits
{
    public const int PageSize = 50;

    public const int MaxPageSize = 1000;

    /// <summary>At most this many rows in one CSV export (newest first); narrow the filter for older ones.</summary>
    public const int ExportMaxRows = 100_000;

    /// <summary>Names (actor, target) are cut to this many characters.</summary>
    public const int NameMaxLength = 200;

    /// <summary>Details are cut to this many characters.</summary>
    public const int DetailMaxLength = 2000;

    /// <summary>Cuts a text to <paramref name="max"/> characters (null stays null).</summary>
    public static string? Cut(string? text, int max) => text is { } value && value.Length > max ? value[..max] : text;
}
