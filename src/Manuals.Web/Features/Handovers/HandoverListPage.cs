using Manuals.Core.Handovers;
using Manuals.Web.Features.Coverage;

namespace Manuals.Web.Features.Handovers;

/// <summary><c>/handovers</c>: the handovers of the departments the viewer manages, filtered.</summary>
public sealed record HandoverListPage(CoverageView View, HandoverListQuery Query, IReadOnlyList<HandoverSummary> Handovers);
