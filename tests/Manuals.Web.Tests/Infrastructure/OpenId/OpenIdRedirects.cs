using System.Net;
using System.Text.RegularExpressions;

namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>
/// Walks a sign-in (or sign-out) across the app and the provider like a browser: every redirect is followed with
/// the client of the host it points to (the provider's URLs with <c>provider</c>, everything else with
/// <c>app</c>), and a form_post page from the provider is posted back. The app client should keep cookies and not
/// follow redirects (<c>ManualsAppFactory.CreateBrowserlikeClient</c>); the provider client must have its
/// base address (<see cref="TestOpenIdProvider.CreateClient"/>).
/// </summary>
public sealed partial class OpenIdRedirects
{
    private readonly HttpClient _app;
    private readonly HttpClient _provider;
    private readonly Uri _appBase;
    private readonly Uri _providerBase;

    public OpenIdRedirects(HttpClient app, HttpClient provider)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(provider);
        _app = app;
        _provider = provider;
        _appBase = app.BaseAddress ?? new Uri("http://localhost/");
        _providerBase = provider.BaseAddress
            ?? throw new ArgumentException("The provider client needs its BaseAddress (TestOpenIdProvider.CreateClient sets it).", nameof(provider));
    }

    /// <summary>More hops than this is a redirect loop.</summary>
    public int MaxHops { get; init; } = 20;

    /// <summary>GETs <paramref name="appUrl"/> (e.g. the challenge URL) and follows everything to the end.</summary>
    public async Task<OpenIdRedirectResult> SignInAsync(string appUrl, CancellationToken cancellationToken = default)
    {
        var (result, _) = await WalkAsync(new Step(HttpMethod.Get, new Uri(_appBase, appUrl), null), [], stopAtCallback: false, cancellationToken);
        return result!;
    }

    /// <summary>
    /// GETs <paramref name="appUrl"/> and follows the redirects until the provider sends the browser back to the app;
    /// returns that callback unsent.
    /// </summary>
    public async Task<OpenIdCallback> RunToCallbackAsync(string appUrl, CancellationToken cancellationToken = default)
    {
        var (result, callback) = await WalkAsync(new Step(HttpMethod.Get, new Uri(_appBase, appUrl), null), [], stopAtCallback: true, cancellationToken);
        if (callback is null)
        {
            using var response = result!.Response;
            throw new InvalidOperationException($"The walk ended at {result.FinalUrl} ({(int)response.StatusCode}) without the provider sending back to the app.");
        }

        return callback;
    }

    /// <summary>Sends a callback (as is, tampered, or again) to the app and follows what comes after.</summary>
    public async Task<OpenIdRedirectResult> DeliverAsync(OpenIdCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var step = callback.Method == HttpMethod.Post
            ? new Step(HttpMethod.Post, callback.RedirectUri, callback.Parameters)
            : new Step(HttpMethod.Get, callback.Url, null);
        var (result, _) = await WalkAsync(step, [.. callback.Hops], stopAtCallback: false, cancellationToken);
        return result!;
    }

    /// <summary>Follows on from an answer the app already gave (e.g. the 302 of a sign-out POST).</summary>
    public async Task<OpenIdRedirectResult> ContinueAsync(HttpResponseMessage appResponse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appResponse);
        var requestUrl = appResponse.RequestMessage?.RequestUri ?? _appBase;
        requestUrl = requestUrl.IsAbsoluteUri ? requestUrl : new Uri(_appBase, requestUrl);
        var hops = new List<OpenIdHop> { new(appResponse.RequestMessage?.Method.Method ?? "GET", requestUrl, false, appResponse.StatusCode, appResponse.Headers.Location) };
        var next = await NextAsync(appResponse, requestUrl, fromProvider: false);
        if (next is null)
        {
            return new OpenIdRedirectResult(appResponse, hops);
        }

        appResponse.Dispose();
        var (result, _) = await WalkAsync(next, hops, stopAtCallback: false, cancellationToken);
        return result!;
    }

    private async Task<(OpenIdRedirectResult? Result, OpenIdCallback? Callback)> WalkAsync(Step step, List<OpenIdHop> hops, bool stopAtCallback, CancellationToken cancellationToken)
    {
        var previousFromProvider = false;
        while (hops.Count < MaxHops)
        {
            var toProvider = IsProvider(step.Url);
            if (stopAtCallback && previousFromProvider && !toProvider)
            {
                return (null, step.Method == HttpMethod.Post
                    ? new OpenIdCallback(HttpMethod.Post, step.Url, step.Form!, hops)
                    : OpenIdCallback.FromGet(step.Url, hops));
            }

            using var request = new HttpRequestMessage(step.Method, step.Url);
            if (step.Form is not null)
            {
                request.Content = new FormUrlEncodedContent(step.Form);
            }

            var response = await (toProvider ? _provider : _app).SendAsync(request, cancellationToken);
            hops.Add(new OpenIdHop(step.Method.Method, step.Url, toProvider, response.StatusCode, response.Headers.Location));
            var next = await NextAsync(response, step.Url, toProvider);
            if (next is null)
            {
                return (new OpenIdRedirectResult(response, hops), null);
            }

            response.Dispose();
            previousFromProvider = toProvider;
            step = next;
        }

        throw new InvalidOperationException("More than " + MaxHops + " hops: " + string.Join(" → ", hops.Select(h => $"{h.Method} {h.Url} {(int)h.StatusCode}")));
    }

    private static async Task<Step?> NextAsync(HttpResponseMessage response, Uri requestUrl, bool fromProvider)
    {
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            return new Step(HttpMethod.Get, new Uri(requestUrl, location), null);
        }

        if (fromProvider && response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var html = await response.Content.ReadAsStringAsync();
            if (FormPostForm().Match(html) is { Success: true } form)
            {
                var fields = HiddenInput().Matches(html).ToDictionary(
                    m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value), StringComparer.Ordinal);
                return new Step(HttpMethod.Post, new Uri(requestUrl, WebUtility.HtmlDecode(form.Groups["action"].Value)), fields);
            }
        }

        return null;
    }

    private bool IsProvider(Uri url) =>
        string.Equals(url.GetLeftPart(UriPartial.Authority), _providerBase.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\">")]
    private static partial Regex FormPostForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();

    private sealed record Step(HttpMethod Method, Uri Url, IReadOnlyDictionary<string, string>? Form);
}
