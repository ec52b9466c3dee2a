using Manuals.Core.Coverage;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary><c>/coverage/matrix/history?department=</c>: who changed which cell, when, from what to what.</summary>
public sealed record MatrixHistoryPage(CoverageView View, Department Department, IReadOnlyList<SkillChange> Changes);
