using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary><c>/handovers/{id}/sign-off</c>: the handover in short and its sign-off boxes, for the people on it and its managers.</summary>
public sealed record HandoverSignOffPage(
    Handover Handover,
    string DepartmentName,
    IReadOnlyList<HandoverSignOffRow> Rows,
    IReadOnlyList<SignOffBox> SignOffs,
    DateOnly Today,
    bool CanManage);
