using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>Every published manual past its review date, for Admins.</summary>
public sealed record StaleManualsPage(IReadOnlyList<(ManualSummary Manual, ReviewStatus Review)> Manuals, IReadOnlyList<Department> Departments);
