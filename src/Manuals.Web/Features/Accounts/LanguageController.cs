using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Accounts;

/// <summary>The footer's language switch: remembers the choice in a cookie for a year.</summary>
[AllowAnonymous]
public sealed class LanguageController : Controller
{
    [HttpPost("language")]
    public IActionResult Set([FromForm] string culture, [FromForm] string? returnUrl)
    {
        var chosen = WebServiceCollectionExtensions.SupportedCultures.FirstOrDefault(c => c.Name == culture);
        if (chosen is null)
        {
            return BadRequest();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
