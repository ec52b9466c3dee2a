using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>
/// The provider and the redirect walker against a plain ASP.NET Core host with the real OpenIdConnect handler
/// (code + PKCE, cookies SameAsRequest/Lax as the app will set them): the whole sign-in, tampering and sign-out.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the provider through IAsyncLifetime.DisposeAsync.")]
public sealed class OpenIdRedirectsTests : IAsyncLifetime
{
    private readonly TestOpenIdProvider _provider = new();
    private WebApplication? _host;

    public async Task InitializeAsync() => await _provider.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("query")]
    [InlineData("form_post")]
    public async Task SignInAsync_RealOpenIdConnectHandler_SignsInTheChosenUser(string responseMode)
    {
        using var app = await StartHostAsync(responseMode);
        using var providerClient = _provider.CreateClient();
        _provider.NextUser = new TestIdentity { Subject = "user-42", Name = "山田 花子", Roles = ["Editor"] };

        var result = await new OpenIdRedirects(app, providerClient).SignInAsync("/challenge");

        using var response = result.Response;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("user-42|山田 花子|Editor", await response.Content.ReadAsStringAsync());
        Assert.Equal("/me", result.FinalUrl.AbsolutePath);
        Assert.Contains(result.Hops, h => h.ToProvider && h.Url.AbsolutePath == "/authorize");
        Assert.Equal(responseMode == "form_post" ? "POST" : "GET", result.Hops.Single(h => h.Url.AbsolutePath == "/signin-oidc").Method);
        var authorize = _provider.LastAuthorizeRequest!;
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(authorize["nonce"]));
        var token = Assert.Single(_provider.TokenRequests);
        Assert.Equal(200, token.StatusCode);
        Assert.Equal("client_secret_post", token.ClientAuthentication);
        Assert.False(string.IsNullOrEmpty(token["code_verifier"]));
    }

    [Fact]
    public async Task DeliverAsync_TamperedState_SignInRefused()
    {
        using var app = await StartHostAsync("query");
        using var providerClient = _provider.CreateClient();
        var redirects = new OpenIdRedirects(app, providerClient);

        var callback = await redirects.RunToCallbackAsync("/challenge");
        var result = await redirects.DeliverAsync(callback.With("state", callback.State + "x"));

        using var response = result.Response;
        Assert.Equal("/failed", result.FinalUrl.AbsolutePath);
        Assert.Empty(_provider.TokenRequests);
        using var me = await app.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task DeliverAsync_SameCallbackTwice_SecondRefused()
    {
        using var app = await StartHostAsync("query");
        using var providerClient = _provider.CreateClient();
        var redirects = new OpenIdRedirects(app, providerClient);
        var callback = await redirects.RunToCallbackAsync("/challenge");

        var first = await redirects.DeliverAsync(callback);
        var second = await redirects.DeliverAsync(callback);

        using var firstResponse = first.Response;
        using var secondResponse = second.Response;
        Assert.Equal("/me", first.FinalUrl.AbsolutePath);
        Assert.Equal("/failed", second.FinalUrl.AbsolutePath);
    }

    [Theory]
    [InlineData(TokenFault.WrongNonce)]
    [InlineData(TokenFault.Expired)]
    [InlineData(TokenFault.WrongAudience)]
    [InlineData(TokenFault.WrongIssuer)]
    [InlineData(TokenFault.BadSignature)]
    [InlineData(TokenFault.UnknownSigningKey)]
    public async Task SignInAsync_FaultyIdToken_HandlerRefuses(TokenFault fault)
    {
        using var app = await StartHostAsync("query");
        using var providerClient = _provider.CreateClient();
        _provider.NextFault = fault;

        var result = await new OpenIdRedirects(app, providerClient).SignInAsync("/challenge");

        using var response = result.Response;
        Assert.Equal("/failed", result.FinalUrl.AbsolutePath);
        Assert.Equal(200, Assert.Single(_provider.TokenRequests).StatusCode);
    }

    [Fact]
    public async Task ContinueAsync_SignOut_CallsEndSessionAndComesBack()
    {
        using var app = await StartHostAsync("query");
        using var providerClient = _provider.CreateClient();
        var redirects = new OpenIdRedirects(app, providerClient);
        using var _ = (await redirects.SignInAsync("/challenge")).Response;

        var result = await redirects.ContinueAsync(await app.GetAsync(new Uri("/signout", UriKind.Relative)));

        using var response = result.Response;
        Assert.Equal("/signed-out", result.FinalUrl.AbsolutePath);
        var logout = Assert.Single(_provider.LogoutRequests);
        Assert.Equal(_provider.IssuedIdTokens.Single(), logout["id_token_hint"]);
        Assert.Equal("http://localhost/signout-callback-oidc", logout["post_logout_redirect_uri"]);
        using var me = await app.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    /// <summary>A host with cookies + OpenIdConnect against the provider, and a client that keeps cookies.</summary>
    private async Task<HttpClient> StartHostAsync(string responseMode)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.SameSite = SameSiteMode.Lax;
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = _provider.Issuer;
                o.RequireHttpsMetadata = false;
                o.ClientId = _provider.ClientId;
                o.ClientSecret = _provider.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.ResponseMode = responseMode;
                o.MapInboundClaims = false;
                o.SaveTokens = true;
                o.TokenValidationParameters.RoleClaimType = "roles";
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        _host = builder.Build();
        _host.MapGet("/challenge", (HttpContext c) => c.ChallengeAsync(new AuthenticationProperties { RedirectUri = "/me" }));
        _host.MapGet("/me", (HttpContext c) => c.User.Identity?.IsAuthenticated == true
            ? Results.Text($"{c.User.FindFirstValue("sub")}|{c.User.FindFirstValue("name")}|{c.User.FindFirstValue("roles")}")
            : Results.Unauthorized());
        _host.MapGet("/failed", () => Results.Text("failed"));
        _host.MapGet("/signed-out", () => Results.Text("signed out"));
        _host.MapGet("/signout", async (HttpContext c) =>
        {
            await c.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await c.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/signed-out" });
        });
        await _host.StartAsync();
        return new HttpClient(new CookieContainerHandler { InnerHandler = _host.GetTestServer().CreateHandler() }) { BaseAddress = new Uri("http://localhost/") };
    }
}
