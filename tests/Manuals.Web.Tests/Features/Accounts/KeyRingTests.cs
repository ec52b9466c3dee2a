using System.Net;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Accounts;

/// <summary>
/// Cookies are protected with keys kept in the database, so a second web node over the same database accepts the sign-in
/// cookie the first one issued, and a sign-out on one ends the session on both.
/// </summary>
public sealed class KeyRingTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task SignIn_OnOneNode_KeysInTheDatabaseAndTheOtherNodeAcceptsTheCookieUntilSignOut()
    {
        using var other = ManualsAppFactory.SecondNodeOf(factory);
        var cookies = new System.Net.CookieContainer();
        var first = new WebSession(factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)));
        var second = new WebSession(other.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)));

        var signedIn = await first.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']", new() { ["UserName"] = "admin", ["Password"] = ManualsAppFactory.AdminPassword });
        var keys = await factory.Services.GetRequiredService<IKeyRingStore>().ListAsync(CancellationToken.None);
        var (onSecond, _) = await second.GetAsync("/admin/users");
        var signedOut = await second.SubmitAsync("/", "form[action='/account/sign-out']", []);
        var (afterSignOut, _) = await first.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotEmpty(keys);
        Assert.Contains(keys, k => k.Contains("<key ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/account/sign-in", afterSignOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
