using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>The diff between any two revisions of a manual.</summary>
public sealed record ComparePage(Manual Manual, ManualRevision From, ManualRevision To, IReadOnlyList<DiffLine> Diff, IReadOnlyList<ManualRevision> Revisions);
