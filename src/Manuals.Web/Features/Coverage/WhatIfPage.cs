using Manuals.Core.Coverage;

namespace Manuals.Web.Features.Coverage;

/// <summary><c>/coverage/what-if?employee=…</c>: the tasks that lose people when the chosen employees are gone.</summary>
public sealed record WhatIfPage(CoverageView View, IReadOnlyList<Employee> Chosen, IReadOnlyList<WhatIfRow> Rows);
