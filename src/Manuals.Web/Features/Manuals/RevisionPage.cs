using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>One old revision, rendered, with the diff from the revision before it.</summary>
public sealed record RevisionPage(Manual Manual, ManualRevision Revision, string Html, IReadOnlyList<DiffLine> DiffFromPrevious, bool CanEdit);
