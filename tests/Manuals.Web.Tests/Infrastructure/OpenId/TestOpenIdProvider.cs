using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>
/// A small OpenID Connect provider on a loopback port (real Kestrel), for tests that drive the real redirect flow:
/// discovery, JWKS, authorization code with PKCE (S256 required), response_mode query and form_post, client
/// authentication (client_secret_post and client_secret_basic), single-use codes, end_session, and faults built
/// into the next id_token. It signs in <see cref="NextUser"/> (or <see cref="DefaultUser"/>) without a login page
/// and records every request it saw.
/// </summary>
/// <remarks>
/// Two shapes from one class: a generic provider whose issuer is its base URL (endpoints <c>/authorize</c>,
/// <c>/token</c>, <c>/jwks</c>, <c>/logout</c>), or, with a tenant id, an Entra-style one whose issuer is
/// <c>{base}/{tenant}/v2.0</c> (Microsoft.Identity.Web: <c>Instance</c> = <see cref="BaseUri"/>,
/// <c>TenantId</c> = <see cref="TenantId"/>) with endpoints under <c>/{tenant}/oauth2/v2.0/</c>. Both sets of
/// endpoints always answer; the discovery document answers under any path ending in
/// <c>/.well-known/openid-configuration</c> and advertises the shape chosen.
/// </remarks>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string DefaultClientId = "manuals-test-client";
    public const string DefaultClientSecret = "manuals-test-client-secret";

    /// <summary>The tenant <see cref="TokenFault.WrongTenant"/> puts in the tid claim.</summary>
    public const string OtherTenantId = "99999999-9999-4999-8999-999999999999";

    private const string WellKnown = "/.well-known/openid-configuration";
    private const string SigningKeyId = "test-signing-key";
    private const string UnknownKeyId = "key-not-in-jwks";

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly RSA _unknownKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<OpenIdAuthorizeRequest> _authorizeRequests = new();
    private readonly ConcurrentQueue<OpenIdTokenRequest> _tokenRequests = new();
    private readonly ConcurrentQueue<OpenIdLogoutRequest> _logoutRequests = new();
    private readonly ConcurrentQueue<string> _issuedIdTokens = new();
    private WebApplication? _app;
    private Uri? _baseUri;
    private string? _issuer;
    private TestIdentity? _nextUser;
    private int _nextFault;

    /// <param name="tenantId">Null for a generic provider; a tenant id (a GUID, as Entra's) for the Entra-style shape.</param>
    public TestOpenIdProvider(string? tenantId = null)
    {
        TenantId = tenantId;
    }

    /// <summary>The Entra-style tenant, or null for the generic shape.</summary>
    public string? TenantId { get; }

    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>The secret the client must present; null for a public client (PKCE only, no authentication).</summary>
    public string? ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>Registered redirect URIs (and post-logout redirect URIs). Empty: any http(s) loopback URI is accepted.</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>Who is signed in when no <see cref="NextUser"/> is set.</summary>
    public TestIdentity DefaultUser { get; set; } = new();

    /// <summary>Who the next authorize request signs in; used once, then <see cref="DefaultUser"/> again.</summary>
    public TestIdentity? NextUser
    {
        get => Volatile.Read(ref _nextUser);
        set => Volatile.Write(ref _nextUser, value);
    }

    /// <summary>A defect built into the next id_token issued; used once, then <see cref="TokenFault.None"/> again.</summary>
    public TokenFault NextFault
    {
        get => (TokenFault)Volatile.Read(ref _nextFault);
        set => Volatile.Write(ref _nextFault, (int)value);
    }

    /// <summary>The clock the id_token times come from.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>http://127.0.0.1:{port}/</c>, once started.</summary>
    public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>The issuer (and authority); by default the base URL, or <c>{base}/{tenant}/v2.0</c> for the Entra-style shape.</summary>
    public string Issuer
    {
        get => _issuer ?? (TenantId is null ? BaseUri.AbsoluteUri.TrimEnd('/') : $"{BaseUri.AbsoluteUri}{TenantId}/v2.0");
        set => _issuer = value;
    }

    /// <summary>Where the discovery document is: the issuer + <c>/.well-known/openid-configuration</c>.</summary>
    public Uri MetadataAddress => new(Issuer.TrimEnd('/') + WellKnown);

    public Uri AuthorizationEndpoint => Endpoint("authorize");

    public Uri TokenEndpoint => Endpoint("token");

    public Uri JwksUri => TenantId is null ? new Uri(BaseUri, "jwks") : new Uri(BaseUri, $"{TenantId}/discovery/v2.0/keys");

    public Uri EndSessionEndpoint => Endpoint("logout");

    /// <summary>Every authorize request, oldest first.</summary>
    public IReadOnlyList<OpenIdAuthorizeRequest> AuthorizeRequests => [.. _authorizeRequests];

    public OpenIdAuthorizeRequest? LastAuthorizeRequest => _authorizeRequests.LastOrDefault();

    /// <summary>Every token request, oldest first.</summary>
    public IReadOnlyList<OpenIdTokenRequest> TokenRequests => [.. _tokenRequests];

    /// <summary>Every end_session call, oldest first.</summary>
    public IReadOnlyList<OpenIdLogoutRequest> LogoutRequests => [.. _logoutRequests];

    /// <summary>Every id_token issued, oldest first, as sent.</summary>
    public IReadOnlyList<string> IssuedIdTokens => [.. _issuedIdTokens];

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("Already started.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // The test output folder holds the app's appsettings.json (Urls, Kestrel…): none of it is for this server.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/authorize", AuthorizeAsync);
        app.MapGet("/{tenant}/oauth2/v2.0/authorize", AuthorizeAsync);
        app.MapPost("/token", TokenAsync);
        app.MapPost("/{tenant}/oauth2/v2.0/token", TokenAsync);
        app.MapGet("/jwks", JwksAsync);
        app.MapGet("/{tenant}/discovery/v2.0/keys", JwksAsync);
        app.MapMethods("/logout", ["GET", "POST"], LogoutAsync);
        app.MapMethods("/{tenant}/oauth2/v2.0/logout", ["GET", "POST"], LogoutAsync);
        app.MapGet("/{**path}", DiscoveryAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _baseUri = new Uri(address.TrimEnd('/') + "/");
        _app = app;
    }

    /// <summary>A client for the provider: base address set, no redirects followed, no cookies.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUri };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        _signingKey.Dispose();
        _unknownKey.Dispose();
    }

    private Uri Endpoint(string name) =>
        TenantId is null ? new Uri(BaseUri, name) : new Uri(BaseUri, $"{TenantId}/oauth2/v2.0/{name}");

    private async Task DiscoveryAsync(HttpContext context)
    {
        if (!context.Request.Path.Value!.EndsWith(WellKnown, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var claims = new JsonArray("sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "name", "email", "preferred_username", "roles", "groups");
        if (TenantId is not null)
        {
            claims.Add("oid");
            claims.Add("tid");
            claims.Add("ver");
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = AuthorizationEndpoint.AbsoluteUri,
            ["token_endpoint"] = TokenEndpoint.AbsoluteUri,
            ["jwks_uri"] = JwksUri.AbsoluteUri,
            ["end_session_endpoint"] = EndSessionEndpoint.AbsoluteUri,
            ["response_types_supported"] = new JsonArray("code"),
            ["response_modes_supported"] = new JsonArray("query", "form_post"),
            ["grant_types_supported"] = new JsonArray("authorization_code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["claims_supported"] = claims,
        });
    }

    private Task JwksAsync(HttpContext context) =>
        WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["keys"] = new JsonArray(JsonWebSigner.PublicJwk(_signingKey, SigningKeyId)) });

    private Task AuthorizeAsync(HttpContext context)
    {
        var parameters = Parameters(context.Request.Query);
        string? Get(string name) => parameters.GetValueOrDefault(name);

        // A client or redirect URI the provider does not know must not be redirected to (RFC 6749, 4.1.2.1).
        var redirectUri = Get("redirect_uri");
        if (Get("client_id") != ClientId || !IsAllowedRedirect(redirectUri))
        {
            var problem = Get("client_id") != ClientId ? "unknown client_id" : "redirect_uri not allowed";
            _authorizeRequests.Enqueue(new OpenIdAuthorizeRequest(parameters, problem));
            return WriteTextAsync(context, StatusCodes.Status400BadRequest, problem);
        }

        var responseMode = Get("response_mode") ?? "query";
        var (error, description) =
            Get("response_type") != "code" ? ("unsupported_response_type", "response_type must be code")
            : responseMode is not ("query" or "form_post") ? ("invalid_request", "response_mode must be query or form_post")
            : string.IsNullOrEmpty(Get("code_challenge")) ? ("invalid_request", "code_challenge is required (PKCE)")
            : Get("code_challenge_method") != "S256" ? ("invalid_request", "code_challenge_method must be S256")
            : !(Get("scope") ?? "").Split(' ').Contains("openid") ? ("invalid_scope", "scope must include openid")
            : ((string?)null, (string?)null);
        _authorizeRequests.Enqueue(new OpenIdAuthorizeRequest(parameters, error));

        var answer = new List<KeyValuePair<string, string>>();
        if (error is not null)
        {
            answer.Add(new("error", error));
            answer.Add(new("error_description", description!));
        }
        else
        {
            var user = Interlocked.Exchange(ref _nextUser, null) ?? DefaultUser;
            var code = JsonWebSigner.RandomToken();
            _codes[code] = new IssuedCode(ClientId, redirectUri!, Get("code_challenge")!, Get("nonce"), Get("scope"), user);
            answer.Add(new("code", code));
        }

        if (Get("state") is { } state)
        {
            answer.Add(new("state", state));
        }

        return responseMode == "form_post" ? WriteFormPostAsync(context, redirectUri!, answer) : Redirect(context, redirectUri!, answer);
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var parameters = form is null ? new Dictionary<string, string>() : Parameters(form);
        string? Get(string name) => parameters.GetValueOrDefault(name);

        string method, clientId;
        string? secret;
        if (BasicCredentials(context.Request) is { } basic)
        {
            (method, clientId, secret) = ("client_secret_basic", basic.Id, basic.Secret);
        }
        else
        {
            (method, clientId, secret) = (Get("client_secret") is null ? "none" : "client_secret_post", Get("client_id") ?? "", Get("client_secret"));
        }

        async Task FailAsync(int status, string error, string description)
        {
            _tokenRequests.Enqueue(new OpenIdTokenRequest(parameters, method, status, error));
            if (status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"test-openid-provider\"";
            }

            await WriteJsonAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description });
        }

        if (form is null)
        {
            await FailAsync(StatusCodes.Status400BadRequest, "invalid_request", "the request must be a form post");
            return;
        }

        if (clientId != ClientId || (ClientSecret is not null && !FixedTimeEquals(secret, ClientSecret)))
        {
            await FailAsync(StatusCodes.Status401Unauthorized, "invalid_client", "client authentication failed");
            return;
        }

        if (Get("grant_type") != "authorization_code")
        {
            await FailAsync(StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type must be authorization_code");
            return;
        }

        // TryRemove makes the code single-use: a replay, or a retry after a wrong verifier, finds nothing.
        if (Get("code") is not { } code || !_codes.TryRemove(code, out var issued))
        {
            await FailAsync(StatusCodes.Status400BadRequest, "invalid_grant", "unknown, expired or already used code");
            return;
        }

        if (issued.ClientId != clientId || issued.RedirectUri != Get("redirect_uri"))
        {
            await FailAsync(StatusCodes.Status400BadRequest, "invalid_grant", "redirect_uri differs from the authorize request");
            return;
        }

        if (Get("code_verifier") is not { } verifier || JsonWebSigner.S256(verifier) != issued.CodeChallenge)
        {
            await FailAsync(StatusCodes.Status400BadRequest, "invalid_grant", "PKCE verification failed");
            return;
        }

        var nextFault = (TokenFault)Interlocked.Exchange(ref _nextFault, (int)TokenFault.None);
        var fault = nextFault != TokenFault.None ? nextFault : issued.User.Fault;
        var accessToken = JsonWebSigner.RandomToken();
        var idToken = IdToken(issued, accessToken, fault);
        _issuedIdTokens.Enqueue(idToken);
        _tokenRequests.Enqueue(new OpenIdTokenRequest(parameters, method, StatusCodes.Status200OK, null));
        await WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenLifetime.TotalSeconds,
            ["scope"] = issued.Scope,
            ["id_token"] = idToken,
        });
    }

    private async Task LogoutAsync(HttpContext context)
    {
        var parameters = context.Request.HasFormContentType
            ? Parameters(await context.Request.ReadFormAsync(context.RequestAborted))
            : Parameters(context.Request.Query);
        _logoutRequests.Enqueue(new OpenIdLogoutRequest(parameters));
        if (parameters.GetValueOrDefault("post_logout_redirect_uri") is not { } returnUri)
        {
            await WriteTextAsync(context, StatusCodes.Status200OK, "signed out");
            return;
        }

        if (!IsAllowedRedirect(returnUri))
        {
            await WriteTextAsync(context, StatusCodes.Status400BadRequest, "post_logout_redirect_uri not allowed");
            return;
        }

        var answer = new List<KeyValuePair<string, string>>();
        if (parameters.GetValueOrDefault("state") is { } state)
        {
            answer.Add(new("state", state));
        }

        await Redirect(context, returnUri, answer);
    }

    private string IdToken(IssuedCode issued, string accessToken, TokenFault fault)
    {
        var user = issued.User;
        var now = Clock.GetUtcNow();
        var issuedAt = fault == TokenFault.Expired ? now.AddHours(-2) : now;
        var expires = fault == TokenFault.Expired ? now.AddHours(-1) : now + TokenLifetime;
        var claims = new JsonObject
        {
            ["iss"] = fault == TokenFault.WrongIssuer ? new Uri(BaseUri, "another-issuer").AbsoluteUri : Issuer,
            ["aud"] = fault == TokenFault.WrongAudience ? "another-client" : issued.ClientId,
            ["sub"] = user.Subject,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["at_hash"] = JsonWebSigner.LeftHalfHash(accessToken),
        };
        if (issued.Nonce is not null || fault == TokenFault.WrongNonce)
        {
            claims["nonce"] = fault == TokenFault.WrongNonce ? "another-" + JsonWebSigner.RandomToken() : issued.Nonce;
        }

        AddIfSet(claims, "name", user.Name);
        AddIfSet(claims, "email", user.Email);
        AddIfSet(claims, "preferred_username", user.PreferredUserName);
        var tenant = fault == TokenFault.WrongTenant ? OtherTenantId : user.TenantId ?? TenantId;
        AddIfSet(claims, "tid", tenant);
        AddIfSet(claims, "oid", user.ObjectId ?? (TenantId is null ? null : ObjectIdOf(user.Subject)));
        if (TenantId is not null)
        {
            claims["ver"] = "2.0";
        }

        if (user.Roles.Count > 0)
        {
            claims["roles"] = new JsonArray([.. user.Roles.Select(r => JsonValue.Create(r))]);
        }

        if (user.Groups.Count > 0)
        {
            claims["groups"] = new JsonArray([.. user.Groups.Select(g => JsonValue.Create(g))]);
        }

        foreach (var (name, value) in user.OtherClaims)
        {
            claims[name] = value;
        }

        return fault == TokenFault.UnknownSigningKey
            ? JsonWebSigner.Sign(claims, _unknownKey, UnknownKeyId, corruptSignature: false)
            : JsonWebSigner.Sign(claims, _signingKey, SigningKeyId, corruptSignature: fault == TokenFault.BadSignature);
    }

    private bool IsAllowedRedirect(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Fragment.Length > 0)
        {
            return false;
        }

        return RedirectUris.Count > 0
            ? RedirectUris.Contains(uri, StringComparer.Ordinal)
            : parsed.Scheme is "http" or "https" && parsed.IsLoopback;
    }

    private static string ObjectIdOf(string subject) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(subject)).AsSpan(0, 16)).ToString();

    private static void AddIfSet(JsonObject claims, string name, string? value)
    {
        if (value is not null)
        {
            claims[name] = value;
        }
    }

    private static bool FixedTimeEquals(string? presented, string expected) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    /// <summary>client_secret_basic: <c>Basic base64(urlencode(id) ":" urlencode(secret))</c> (RFC 6749, 2.3.1).</summary>
    private static (string Id, string Secret)? BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (WebUtility.UrlDecode(pair[..colon]), WebUtility.UrlDecode(pair[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Parameters(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.ToDictionary(p => p.Key, p => p.Value.Count > 0 ? p.Value[0] ?? "" : "", StringComparer.Ordinal);

    private static Task Redirect(HttpContext context, string target, List<KeyValuePair<string, string>> parameters)
    {
        var query = string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var location = query.Length == 0 ? target : target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        context.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }

    /// <summary>response_mode=form_post: a page whose form posts itself to the redirect URI; without script, a button does.</summary>
    private static Task WriteFormPostAsync(HttpContext context, string target, List<KeyValuePair<string, string>> parameters)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Submit this form</title></head>")
            .Append("<body onload=\"document.forms[0].submit()\">")
            .Append("<form method=\"post\" action=\"").Append(WebUtility.HtmlEncode(target)).Append("\">");
        foreach (var (name, value) in parameters)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(name))
                .Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\">");
        }

        html.Append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
        context.Response.Headers.CacheControl = "no-store";
        return WriteAsync(context, StatusCodes.Status200OK, "text/html; charset=utf-8", html.ToString());
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonObject json)
    {
        context.Response.Headers.CacheControl = "no-store";
        return WriteAsync(context, status, "application/json; charset=utf-8", json.ToJsonString());
    }

    private static Task WriteTextAsync(HttpContext context, int status, string text) =>
        WriteAsync(context, status, "text/plain; charset=utf-8", text);

    private static Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
