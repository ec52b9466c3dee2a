using System.Net;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Accounts;

/// <summary>Sign-in attempts are limited per client address, and that limit locks no account.</summary>
public sealed class SignInRateLimitTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const int Limit = 3;

    [Fact]
    public async Task SignIn_OverTheLimitFromOneAddress_Answers429InJapaneseAndKeepsUserName()
    {
        using var app = LimitedApp();
        var attacker = Session(app, "203.0.113.7");
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            var failed = await attacker.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
                new() { ["UserName"] = "admin", ["Password"] = "guess-" + attempt });
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        var response = await attacker.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = "admin", ["Password"] = ManualsAppFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null, "no Retry-After header");
        var document = await WebSession.ParseAsync(response);
        Assert.Equal("ja", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("サインインの試行回数が上限に達しました", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("admin", document.QuerySelector("#UserName")!.GetAttribute("value"));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("manuals.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_AddressOverTheLimit_DoesNotLockTheAccountForOtherAddresses()
    {
        using var app = LimitedApp();
        await factory.CreateUserAsync("target.user", Roles.Reader);
        var attacker = Session(app, "198.51.100.23");
        for (var attempt = 0; attempt < Limit + 3; attempt++)
        {
            await attacker.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
                new() { ["UserName"] = "target.user", ["Password"] = "guess-" + attempt });
        }

        var owner = Session(app, "192.0.2.10");
        var response = await owner.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
            new() { ["UserName"] = "target.user", ["Password"] = ManualsAppFactory.UserPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/manuals")).Response.StatusCode);
    }

    [Fact]
    public async Task SignInPage_ManyGets_AreNotLimited()
    {
        using var app = LimitedApp();
        var visitor = Session(app, "203.0.113.99");
        for (var i = 0; i < Limit * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/account/sign-in")).Response.StatusCode);
        }
    }

    private WebApplicationFactory<Program> LimitedApp() => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Manuals:SignIn:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Manuals:SignIn:WindowSeconds", "3600");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>());
    });

    private static WebSession Session(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, address);
        return new WebSession(client);
    }
}
