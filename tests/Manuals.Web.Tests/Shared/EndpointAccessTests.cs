using System.Net;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Shared;

/// <summary>
/// Every route the app exposes, taken from its endpoint data source, against <see cref="EndpointAccessTable"/>: a route
/// without a row (or a row without a route) fails, and each (route, role) pair is a test of its own.
/// </summary>
[LongRunning(54)]
public sealed class EndpointAccessTests(EndpointAccessFixture fixture) : IClassFixture<EndpointAccessFixture>
{
    public static TheoryData<string, AccessRole> Cases()
    {
        var data = new TheoryData<string, AccessRole>();
        foreach (var row in EndpointAccessTable.Rows)
        {
            foreach (var role in Enum.GetValues<AccessRole>())
            {
                data.Add(row.Route, role);
            }
        }

        return data;
    }

    [Fact]
    public void EndpointDataSource_EveryRoute_HasExactlyOneRow()
    {
        var routes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();
        var rows = EndpointAccessTable.Rows.Select(r => r.Route).ToList();

        var missing = routes.Except(rows).Order(StringComparer.Ordinal).ToList();
        var stale = rows.Except(routes).Order(StringComparer.Ordinal).ToList();
        var twice = rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(
            missing.Count == 0 && stale.Count == 0 && twice.Count == 0,
            "EndpointAccessTable does not match the app's routes.\n"
            + $"Routes without a row ({missing.Count}):\n  {string.Join("\n  ", missing)}\n"
            + $"Rows without a route ({stale.Count}):\n  {string.Join("\n  ", stale)}\n"
            + $"Rows listed twice ({twice.Count}):\n  {string.Join("\n  ", twice)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_RouteAndRole_AnswersAsTheRulesSay(string route, AccessRole role)
    {
        var row = EndpointAccessTable.Find(route);
        if (row.Arrange is { } arrange)
        {
            await arrange(fixture);
        }

        var (session, token) = await fixture.VisitorAsync(role, row.FreshSession);
        var url = row.Url(fixture.Ids);

        using var response = row.Method == "POST"
            ? await session.PostAsync(url, new Dictionary<string, string>(row.Form?.Invoke(fixture.Ids) ?? []) { ["__RequestVerificationToken"] = token })
            : await session.Client.GetAsync(new Uri(url, UriKind.Relative));

        var actual = Classify(response);
        Assert.True(
            actual == row.Expected(role),
            $"{row.Method} {url} as {role}: expected {row.Expected(role)}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
    }

    private static AccessOutcome? Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices => AccessOutcome.Ok,
        HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently
            => IsSignInChallenge(response.Headers.Location) ? AccessOutcome.SignIn : AccessOutcome.Redirect,
        HttpStatusCode.BadRequest => AccessOutcome.BadRequest,
        HttpStatusCode.Forbidden => AccessOutcome.Forbidden,
        HttpStatusCode.NotFound => AccessOutcome.NotFound,
        HttpStatusCode.Conflict => AccessOutcome.Conflict,
        HttpStatusCode.ServiceUnavailable => AccessOutcome.Unavailable,
        HttpStatusCode.InternalServerError => AccessOutcome.ServerError,
        _ => null,
    };

    /// <summary>The cookie handler's challenge: to the sign-in page with the way back (a sign-out's redirect has none).</summary>
    private static bool IsSignInChallenge(Uri? location)
    {
        if (location is null)
        {
            return false;
        }

        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        return absolute.AbsolutePath == "/account/sign-in" && absolute.Query.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);
    }
}
