namespace Manuals.Core.Coverage;

/// <summary>Whether a linked manual counts as usable for coverage, and if not, the first reason why not.</summary>
public enum ManualUsability
{
    /// <summary>Published, reviewed within its interval and complete.</summary>
    Usable,

    /// <summary>Not published yet (下書き).</summary>
    Draft,

    /// <summary>Archived (アーカイブ): kept for the record, not to be followed.</summary>
    Archived,

    /// <summary>A required section of its template is empty.</summary>
    Incomplete,

    /// <summary>Published but past its review date.</summary>
    ReviewOverdue,

    /// <summary>The link points to a manual that no longer exists.</summary>
    Missing,
}
