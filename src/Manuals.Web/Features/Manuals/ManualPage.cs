using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>A manual as its page shows it.</summary>
public sealed record ManualPage(Manual Manual, string DepartmentName, string Html, bool CanEdit);
