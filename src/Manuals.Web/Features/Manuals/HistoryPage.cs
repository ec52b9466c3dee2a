using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>A manual's revisions, newest first.</summary>
public sealed record HistoryPage(Manual Manual, IReadOnlyList<ManualRevision> Revisions);
