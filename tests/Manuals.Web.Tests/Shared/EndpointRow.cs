namespace Manuals.Web.Tests.Shared;

/// <summary>
/// One route of the app and what each role gets from it. GETs (and routes without a method) are sent as GET; POSTs with
/// the role's antiforgery token and <see cref="Form"/> (empty unless the route needs a field to reach its access check).
/// </summary>
/// <param name="Route">"METHOD /pattern" as the endpoint data source names it, e.g. <c>POST /manuals/{id:long}/edit</c>.</param>
/// <param name="Url">The route filled with the table's objects.</param>
public sealed record EndpointRow(
    string Route,
    Func<EndpointIds, string> Url,
    AccessOutcome Anonymous,
    AccessOutcome ReaderOfA,
    AccessOutcome EditorOfA,
    AccessOutcome EditorOfB,
    AccessOutcome Admin)
{
    /// <summary>Form fields besides the token.</summary>
    public Func<EndpointIds, Dictionary<string, string>>? Form { get; init; }

    /// <summary>Puts the data in the state the row needs before each request (so rows stay independent of their order).</summary>
    public Func<EndpointAccessFixture, Task>? Arrange { get; init; }

    /// <summary>Sends the request from a new session of the role (for requests that end the session).</summary>
    public bool FreshSession { get; init; }

    public string Method => Route[..Route.IndexOf(' ', StringComparison.Ordinal)];

    public AccessOutcome Expected(AccessRole role) => role switch
    {
        AccessRole.Anonymous => Anonymous,
        AccessRole.ReaderOfA => ReaderOfA,
        AccessRole.EditorOfA => EditorOfA,
        AccessRole.EditorOfB => EditorOfB,
        AccessRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
