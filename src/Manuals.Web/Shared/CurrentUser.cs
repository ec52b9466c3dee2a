using System.Globalization;
using System.Security.Claims;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Accounts;

namespace Manuals.Web.Shared;

/// <summary>The signed-in user of this request, read from the sign-in cookie's claims.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private Viewer? _viewer;

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public string DisplayName => Principal.FindFirstValue(ManualsClaimTypes.DisplayName) ?? Principal.Identity?.Name ?? "";

    /// <summary>Signs in with the company account and has no password here to change.</summary>
    public bool IsCompanyAccount => Principal.HasClaim(c => c.Type == ManualsClaimTypes.CompanyAccount);

    /// <summary>Who is asking, as the access policy sees them.</summary>
    public Viewer Viewer => _viewer ??= new Viewer(
        long.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0,
        Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        Principal.FindAll(ManualsClaimTypes.Department)
            .Select(c => long.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0)
            .ToHashSet());

    /// <summary>The author recorded on revisions this user saves.</summary>
    public Author Author => new(Viewer.UserId, DisplayName);
}
