using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>The provider's protocol at the HTTP level, checked by hand (no OpenID Connect library involved).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync.")]
public sealed class TestOpenIdProviderTests : IAsyncLifetime
{
    private const string Tenant = "11111111-2222-4333-8444-555555555555";
    private const string RedirectUri = "http://localhost/signin-oidc";
    private const string Verifier = "a-code-verifier-long-enough-for-pkce-0123456789abcdef";

    private readonly TestOpenIdProvider _provider = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        _client = _provider.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Discovery_GenericProvider_AdvertisesEndpointsUnderItsBaseUrl()
    {
        using var json = await GetJsonAsync(_client, "/.well-known/openid-configuration");

        var root = json.RootElement;
        var baseUrl = _provider.BaseUri.AbsoluteUri;
        Assert.Equal(baseUrl.TrimEnd('/'), root.GetProperty("issuer").GetString());
        Assert.Equal(baseUrl + "authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(baseUrl + "token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal(baseUrl + "jwks", root.GetProperty("jwks_uri").GetString());
        Assert.Equal(baseUrl + "logout", root.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["code"], Strings(root.GetProperty("response_types_supported")));
        Assert.Equal(["RS256"], Strings(root.GetProperty("id_token_signing_alg_values_supported")));
        Assert.Equal(["S256"], Strings(root.GetProperty("code_challenge_methods_supported")));
        Assert.Contains("openid", Strings(root.GetProperty("scopes_supported")));
        Assert.Contains("public", Strings(root.GetProperty("subject_types_supported")));
        Assert.Contains("email", Strings(root.GetProperty("claims_supported")));
    }

    [Fact]
    public async Task Discovery_TenantProvider_ServedUnderTenantV2PathWithEntraEndpoints()
    {
        await using var entra = new TestOpenIdProvider(Tenant);
        await entra.StartAsync();
        using var client = entra.CreateClient();

        using var json = await GetJsonAsync(client, $"/{Tenant}/v2.0/.well-known/openid-configuration");

        var root = json.RootElement;
        var tenantBase = entra.BaseUri.AbsoluteUri + Tenant;
        Assert.Equal(tenantBase + "/v2.0", root.GetProperty("issuer").GetString());
        Assert.Equal(entra.MetadataAddress.AbsoluteUri, tenantBase + "/v2.0/.well-known/openid-configuration");
        Assert.Equal(tenantBase + "/oauth2/v2.0/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(tenantBase + "/oauth2/v2.0/token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal(tenantBase + "/discovery/v2.0/keys", root.GetProperty("jwks_uri").GetString());
        Assert.Equal(tenantBase + "/oauth2/v2.0/logout", root.GetProperty("end_session_endpoint").GetString());
        Assert.Contains("tid", Strings(root.GetProperty("claims_supported")));
    }

    [Fact]
    public async Task Token_ValidExchange_IdTokenVerifiesWithJwksAndCarriesTheUser()
    {
        _provider.NextUser = new TestIdentity { Subject = "u-7", Name = "山田 花子", Email = "hanako@example.com", Roles = ["Admin", "Editor"], Groups = ["g-1"] };
        var code = await AuthorizeAsync(_client, _provider, nonce: "nonce-7");

        using var token = await RedeemAsync(_client, code);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var body = await JsonDocument.ParseAsync(await token.Content.ReadAsStreamAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.True(body.RootElement.GetProperty("expires_in").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("access_token").GetString()));
        var idToken = body.RootElement.GetProperty("id_token").GetString()!;
        Assert.True(await VerifiesWithJwksAsync(_client, idToken));
        using var claims = Payload(idToken);
        var c = claims.RootElement;
        Assert.Equal(_provider.Issuer, c.GetProperty("iss").GetString());
        Assert.Equal(_provider.ClientId, c.GetProperty("aud").GetString());
        Assert.Equal("u-7", c.GetProperty("sub").GetString());
        Assert.Equal("山田 花子", c.GetProperty("name").GetString());
        Assert.Equal("hanako@example.com", c.GetProperty("email").GetString());
        Assert.Equal("nonce-7", c.GetProperty("nonce").GetString());
        Assert.Equal(["Admin", "Editor"], Strings(c.GetProperty("roles")));
        Assert.Equal(["g-1"], Strings(c.GetProperty("groups")));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(c.GetProperty("iat").GetInt64(), now - 60, now + 60);
        Assert.True(c.GetProperty("exp").GetInt64() > now + 600);
        Assert.Equal("client_secret_post", Assert.Single(_provider.TokenRequests).ClientAuthentication);
    }

    [Fact]
    public async Task Token_EntraStyleProvider_CarriesTidOidAndVer()
    {
        await using var entra = new TestOpenIdProvider(Tenant);
        await entra.StartAsync();
        using var client = entra.CreateClient();
        var code = await AuthorizeAsync(client, entra, path: $"/{Tenant}/oauth2/v2.0/authorize");

        using var token = await RedeemAsync(client, code, path: $"/{Tenant}/oauth2/v2.0/token", clientId: entra.ClientId);

        var idToken = await IdTokenOfAsync(token);
        Assert.True(await VerifiesWithJwksAsync(client, idToken, $"/{Tenant}/discovery/v2.0/keys"));
        using var claims = Payload(idToken);
        Assert.Equal(entra.BaseUri.AbsoluteUri + Tenant + "/v2.0", claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal(Tenant, claims.RootElement.GetProperty("tid").GetString());
        Assert.True(Guid.TryParse(claims.RootElement.GetProperty("oid").GetString(), out _));
        Assert.Equal("2.0", claims.RootElement.GetProperty("ver").GetString());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("plain", "code_challenge_method must be S256")]
    public async Task Authorize_WithoutS256Challenge_RedirectsWithInvalidRequestAndNoCode(string? method, string? expectedDescription)
    {
        var query = AuthorizeQuery(_provider.ClientId, RedirectUri, "n");
        query.Remove("code_challenge_method");
        if (method is null)
        {
            query.Remove("code_challenge");
        }
        else
        {
            query["code_challenge_method"] = method;
        }

        using var response = await _client.GetAsync(new Uri(QueryHelpers.AddQueryString("/authorize", query!), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var answer = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("invalid_request", answer["error"].ToString());
        Assert.Equal(expectedDescription ?? "code_challenge is required (PKCE)", answer["error_description"].ToString());
        Assert.Equal("state-1", answer["state"].ToString());
        Assert.False(answer.ContainsKey("code"));
    }

    [Theory]
    [InlineData("another-client", RedirectUri)]
    [InlineData(TestOpenIdProvider.DefaultClientId, "https://evil.example.com/signin-oidc")]
    public async Task Authorize_UnknownClientOrForeignRedirectUri_Returns400WithoutRedirect(string clientId, string redirectUri)
    {
        var query = AuthorizeQuery(clientId, redirectUri, "n");

        using var response = await _client.GetAsync(new Uri(QueryHelpers.AddQueryString("/authorize", query!), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_FormPost_ReturnsSelfSubmittingFormWithNoscriptButton()
    {
        var query = AuthorizeQuery(_provider.ClientId, RedirectUri, "n");
        query["response_mode"] = "form_post";
        query["state"] = "a\"<b>&c";

        using var response = await _client.GetAsync(new Uri(QueryHelpers.AddQueryString("/authorize", query!), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<body onload=\"document.forms[0].submit()\">", html, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"{RedirectUri}\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"state\" value=\"a&quot;&lt;b&gt;&amp;c\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"code\" value=\"", html, StringComparison.Ordinal);
        Assert.Contains("<noscript><button type=\"submit\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WrongVerifier_ReturnsInvalidGrant()
    {
        var code = await AuthorizeAsync(_client, _provider);

        using var response = await RedeemAsync(_client, code, verifier: Verifier + "-wrong");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Token_ReplayedCode_ReturnsInvalidGrant()
    {
        var code = await AuthorizeAsync(_client, _provider);
        using var first = await RedeemAsync(_client, code);

        using var second = await RedeemAsync(_client, code);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertErrorAsync(second, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Token_OtherRedirectUri_ReturnsInvalidGrant()
    {
        var code = await AuthorizeAsync(_client, _provider);

        using var response = await RedeemAsync(_client, code, redirectUri: "http://localhost/other");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Token_WrongClientSecret_Returns401InvalidClient(bool basic)
    {
        var code = await AuthorizeAsync(_client, _provider);

        using var response = await RedeemAsync(_client, code, secret: "wrong-secret", basic: basic);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal(basic ? "client_secret_basic" : "client_secret_post", Assert.Single(_provider.TokenRequests).ClientAuthentication);
    }

    [Fact]
    public async Task Token_ClientSecretBasic_IssuesTokens()
    {
        var code = await AuthorizeAsync(_client, _provider);

        using var response = await RedeemAsync(_client, code, basic: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("client_secret_basic", Assert.Single(_provider.TokenRequests).ClientAuthentication);
    }

    [Theory]
    [InlineData(TokenFault.None)]
    [InlineData(TokenFault.WrongNonce)]
    [InlineData(TokenFault.Expired)]
    [InlineData(TokenFault.WrongAudience)]
    [InlineData(TokenFault.WrongIssuer)]
    [InlineData(TokenFault.WrongTenant)]
    [InlineData(TokenFault.BadSignature)]
    [InlineData(TokenFault.UnknownSigningKey)]
    public async Task Token_NextFault_ProducesThatDefectOnceOnly(TokenFault fault)
    {
        _provider.NextFault = fault;
        var idToken = await IdTokenOfAsync(await RedeemAsync(_client, await AuthorizeAsync(_client, _provider, nonce: "nonce-1")));
        var nextIdToken = await IdTokenOfAsync(await RedeemAsync(_client, await AuthorizeAsync(_client, _provider, nonce: "nonce-1")));

        using var claims = Payload(idToken);
        using var header = Header(idToken);
        var c = claims.RootElement;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(fault is not (TokenFault.BadSignature or TokenFault.UnknownSigningKey), await VerifiesWithJwksAsync(_client, idToken));
        Assert.Equal(fault == TokenFault.UnknownSigningKey, !(await JwksKeyIdsAsync(_client)).Contains(header.RootElement.GetProperty("kid").GetString()));
        Assert.Equal(fault == TokenFault.Expired, c.GetProperty("exp").GetInt64() < now - 3000);
        Assert.Equal(fault == TokenFault.WrongNonce, c.GetProperty("nonce").GetString() != "nonce-1");
        Assert.Equal(fault == TokenFault.WrongAudience, c.GetProperty("aud").GetString() != _provider.ClientId);
        Assert.Equal(fault == TokenFault.WrongIssuer, c.GetProperty("iss").GetString() != _provider.Issuer);
        Assert.Equal(fault == TokenFault.WrongTenant, c.TryGetProperty("tid", out var tid) && tid.GetString() == TestOpenIdProvider.OtherTenantId);
        Assert.True(await VerifiesWithJwksAsync(_client, nextIdToken));
        using var next = Payload(nextIdToken);
        Assert.Equal("nonce-1", next.RootElement.GetProperty("nonce").GetString());
        Assert.True(next.RootElement.GetProperty("exp").GetInt64() > now);
    }

    [Fact]
    public async Task Token_UserWithFault_EveryTokenHasIt()
    {
        _provider.DefaultUser = new TestIdentity { Fault = TokenFault.WrongAudience };

        var first = await IdTokenOfAsync(await RedeemAsync(_client, await AuthorizeAsync(_client, _provider)));
        var second = await IdTokenOfAsync(await RedeemAsync(_client, await AuthorizeAsync(_client, _provider)));

        using var a = Payload(first);
        using var b = Payload(second);
        Assert.Equal("another-client", a.RootElement.GetProperty("aud").GetString());
        Assert.Equal("another-client", b.RootElement.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Logout_WithReturnUri_RecordsTheCallAndRedirectsWithState()
    {
        var url = QueryHelpers.AddQueryString("/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = "the-id-token",
            ["post_logout_redirect_uri"] = "http://localhost/signout-callback-oidc",
            ["state"] = "s-9",
        });

        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://localhost/signout-callback-oidc?state=s-9", response.Headers.Location!.AbsoluteUri);
        var logout = Assert.Single(_provider.LogoutRequests);
        Assert.Equal("the-id-token", logout["id_token_hint"]);
        Assert.Equal("s-9", logout["state"]);
    }

    private static Dictionary<string, string?> AuthorizeQuery(string clientId, string redirectUri, string nonce) => new()
    {
        ["client_id"] = clientId,
        ["redirect_uri"] = redirectUri,
        ["response_type"] = "code",
        ["scope"] = "openid profile",
        ["state"] = "state-1",
        ["nonce"] = nonce,
        ["code_challenge"] = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))),
        ["code_challenge_method"] = "S256",
    };

    private static async Task<string> AuthorizeAsync(HttpClient client, TestOpenIdProvider provider, string nonce = "n", string path = "/authorize")
    {
        var url = QueryHelpers.AddQueryString(path, AuthorizeQuery(provider.ClientId, RedirectUri, nonce)!);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(RedirectUri, location.GetLeftPart(UriPartial.Path));
        var answer = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("state-1", answer["state"].ToString());
        return answer["code"].ToString();
    }

    private static async Task<HttpResponseMessage> RedeemAsync(
        HttpClient client, string code, string verifier = Verifier, string? secret = null, bool basic = false,
        string redirectUri = RedirectUri, string path = "/token", string clientId = TestOpenIdProvider.DefaultClientId)
    {
        secret ??= TestOpenIdProvider.DefaultClientSecret;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (basic)
        {
            var pair = Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form["client_id"] = clientId;
            form["client_secret"] = secret;
        }

        request.Content = new FormUrlEncodedContent(form);
        return await client.SendAsync(request);
    }

    private static async Task<string> IdTokenOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            return body.RootElement.GetProperty("id_token").GetString()!;
        }
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.False(body.RootElement.TryGetProperty("id_token", out _));
    }

    /// <summary>RS256 by hand: the JWKS key named by the token's kid verifies SHA-256/PKCS#1 over header.payload.</summary>
    private static async Task<bool> VerifiesWithJwksAsync(HttpClient client, string jwt, string jwksPath = "/jwks")
    {
        var parts = jwt.Split('.');
        using var header = Header(jwt);
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        using var jwks = await GetJsonAsync(client, jwksPath);
        var kid = header.RootElement.GetProperty("kid").GetString();
        foreach (var key in jwks.RootElement.GetProperty("keys").EnumerateArray().Where(k => k.GetProperty("kid").GetString() == kid))
        {
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.Equal("RS256", key.GetProperty("alg").GetString());
            using var rsa = RSA.Create(new RSAParameters
            {
                Modulus = Base64Url.DecodeFromChars(key.GetProperty("n").GetString()),
                Exponent = Base64Url.DecodeFromChars(key.GetProperty("e").GetString()),
            });
            return rsa.VerifyData(
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        return false;
    }

    private static async Task<List<string?>> JwksKeyIdsAsync(HttpClient client)
    {
        using var jwks = await GetJsonAsync(client, "/jwks");
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString())];
    }

    private static JsonDocument Header(string jwt) => JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[0]));

    private static JsonDocument Payload(string jwt) => JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]));

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
