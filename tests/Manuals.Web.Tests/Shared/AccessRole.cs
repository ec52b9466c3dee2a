namespace Manuals.Web.Tests.Shared;

/// <summary>Who sends a request in <see cref="EndpointAccessTests"/>: department A is 総務, department B is 経理・財務.</summary>
public enum AccessRole
{
    Anonymous,
    ReaderOfA,
    EditorOfA,
    EditorOfB,
    Admin,
}
