namespace Manuals.Web.Tests.Shared;

/// <summary>The concrete objects the endpoint table's routes are filled with; all of department A (総務) unless named.</summary>
/// <param name="DepartmentA">総務.</param>
/// <param name="ManualOfA">A 部署限定, published manual of A with two revisions, steps and an image.</param>
/// <param name="PublicManualOfA">A 全社公開, published sample manual of A (備品・消耗品の発注手順).</param>
/// <param name="TaskOfA">A sample task of A.</param>
/// <param name="EmployeeOfA">A sample employee of A.</param>
/// <param name="MatrixCellOfA">The current code of <paramref name="EmployeeOfA"/>'s cell on <paramref name="TaskOfA"/>.</param>
/// <param name="HandoverOfA">An open handover of an employee of A.</param>
/// <param name="ImageOfA">The SHA-256 of the image used only by <paramref name="ManualOfA"/>.</param>
/// <param name="Template">A built-in template (業務手順書).</param>
/// <param name="RetirableTemplate">Another built-in template, retired and restored by its rows.</param>
/// <param name="User">A Reader of B whom the admin rows edit, reset and unlock.</param>
/// <param name="Synonym">A synonym group the admin rows change and delete.</param>
/// <param name="MissedSearch">A 探されたが見つからなかった手順 row the admin row resolves.</param>
public sealed record EndpointIds(
    long DepartmentA,
    long ManualOfA,
    long PublicManualOfA,
    long TaskOfA,
    long EmployeeOfA,
    string MatrixCellOfA,
    long HandoverOfA,
    string ImageOfA,
    long Template,
    long RetirableTemplate,
    long User,
    long Synonym,
    long MissedSearch);
