using Manuals.Core.Accounts;

namespace Manuals.Web.Features.Admin;

/// <summary>The confirmation step before a mapping is removed (works without JavaScript).</summary>
public sealed record DirectoryGroupRemovePage(DirectoryGroupMapping Mapping, string DepartmentName);
