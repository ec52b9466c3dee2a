using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Accounts;

/// <summary>Company sign-in (Entra ID or another OpenID Connect provider): start, callback, refusal page and provider sign-out.</summary>
[Route("account")]
[AllowAnonymous]
public sealed partial class CompanySignInController(CompanySignInFlow flow, CompanySignInProviders providers) : Controller
{
    /// <summary>The button on the sign-in page: off to the provider, back through <see cref="Callback"/>.</summary>
    [HttpGet("external/{scheme}")]
    public IActionResult Start(string scheme, [FromQuery] string? returnUrl)
    {
        var provider = providers.Find(scheme);
        if (provider is null)
        {
            return NotFound();
        }

        var properties = new AuthenticationProperties
        {
            RedirectUri = CompanySignInFlow.CallbackPath + QueryString.Create("returnUrl", LocalOrHome(returnUrl)),
        };
        properties.Items[CompanySignInFlow.ProviderItem] = provider.Scheme;
        return Challenge(properties, provider.Scheme);
    }

    [HttpGet("external/callback")]
    public async Task<IActionResult> Callback([FromQuery] string? returnUrl, CancellationToken cancellationToken)
    {
        var refused = await flow.CompleteAsync(HttpContext, cancellationToken);
        return refused is null ? LocalRedirect(LocalOrHome(returnUrl)) : new EmptyResult();
    }

    /// <summary>The refusal page: nobody is signed in; the reason code and reference are for IT.</summary>
    [HttpGet("sign-in-failed")]
    public IActionResult Failed([FromQuery] string? reason, [FromQuery] string? provider, [FromQuery(Name = "ref")] string? reference)
    {
        var known = CompanySignInFailure.Known(reason);
        Response.StatusCode = known is CompanySignInFailure.Disabled or CompanySignInFailure.Tenant or CompanySignInFailure.Denied
            ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
        return View("SignInFailed", new CompanySignInFailedView(
            known,
            providers.Find(provider),
            reference is not null && ReferencePattern().IsMatch(reference) ? reference : null));
    }

    /// <summary>After signing out of Manuals, the offer to sign out of the provider too.</summary>
    [HttpGet("signed-out")]
    public IActionResult SignedOut([FromQuery] string? provider, [FromQuery] bool providerDone = false) =>
        View("SignedOut", new CompanySignedOutView(providers.Find(provider), providerDone, ProviderFailed: false));

    [HttpPost("external/{scheme}/sign-out")]
    public async Task<IActionResult> SignOutOfProvider(string scheme)
    {
        var provider = providers.Find(scheme);
        if (provider is null)
        {
            return NotFound();
        }

        var done = "/account/signed-out" + QueryString.Create("provider", provider.Scheme).Add("providerDone", "true");
        try
        {
            await HttpContext.SignOutAsync(provider.Scheme, new AuthenticationProperties { RedirectUri = done });
            return new EmptyResult();
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            // The provider has no end-session endpoint or cannot be reached: Manuals' own session has ended anyway.
            CompanySignInLog.ProviderSignOutFailed(HttpContext.RequestServices.GetRequiredService<ILogger<CompanySignInController>>(), provider.Scheme, e);
            Response.StatusCode = StatusCodes.Status502BadGateway;
            return View("SignedOut", new CompanySignedOutView(provider, ProviderDone: false, ProviderFailed: true));
        }
    }

    private string LocalOrHome(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";

    /// <summary>Request ids as ASP.NET Core writes them (e.g. <c>0HN8…:00000002</c>); anything else is not shown.</summary>
    [GeneratedRegex("^[A-Za-z0-9:._-]{1,64}$")]
    private static partial Regex ReferencePattern();
}
