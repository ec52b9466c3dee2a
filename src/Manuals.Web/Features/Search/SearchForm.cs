using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Search;

/// <summary>The query string of <c>GET /search</c>: what was typed, the filters, the order and the page.</summary>
public sealed class SearchForm
{
    /// <summary>The search words, as typed.</summary>
    public string? Q { get; set; }

    public long? Department { get; set; }

    public string? Tag { get; set; }

    public string? Template { get; set; }

    public ManualStatus? Status { get; set; }

    /// <summary>Updated on or after this day (in the configured time zone).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Updated on or before this day (in the configured time zone).</summary>
    public DateOnly? To { get; set; }

    /// <summary><c>updated</c> for newest first; anything else is relevance.</summary>
    public string? Sort { get; set; }

    public int? Page { get; set; }

    public bool SortsByUpdate => string.Equals(Sort, "updated", StringComparison.Ordinal);

    /// <summary>True when a filter is set.</summary>
    public bool HasFilters => Department is not null || !string.IsNullOrEmpty(Tag) || !string.IsNullOrEmpty(Template)
        || Status is not null || From is not null || To is not null;

    /// <summary>Values that bound but make no sense (a status number that does not exist, a date in year 1).</summary>
    public bool HasValidValues =>
        (Status is null || Enum.IsDefined(Status.Value))
        && (From is null || IsReasonable(From.Value))
        && (To is null || IsReasonable(To.Value));

    private static bool IsReasonable(DateOnly date) => date.Year is >= 1900 and <= 9999 && date < DateOnly.MaxValue;
}
