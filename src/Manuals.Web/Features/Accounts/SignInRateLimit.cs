using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Accounts;

/// <summary>
/// Limits sign-in attempts per client address (after forwarded headers), instead of locking accounts: a stranger
/// can slow down their own guessing but cannot lock anybody out. Over the limit, the sign-in page answers 429 with
/// a message and the user name kept.
/// </summary>
public static class SignInRateLimit
{
    public const string PolicyName = "sign-in";

    public static void Configure(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PolicyName, context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
                QueueLimit = 0,
            });
        });
        options.OnRejected = (context, cancellationToken) => new ValueTask(RejectAsync(context, cancellationToken));
    }

    /// <summary>One partition per IPv4 address, and per /64 for IPv6 (what one subscriber usually gets).</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async Task RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var model = new SignInModel();
        if (context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(cancellationToken);
                model.UserName = form["UserName"].ToString() is { Length: <= AccountRules.UserNameMaxLength } name ? name : "";
                model.ReturnUrl = form["ReturnUrl"].ToString();
            }
            catch (InvalidDataException)
            {
                // A malformed form still gets the page, only without the name.
            }
        }

        var services = context.RequestServices;
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("", services.GetRequiredService<IStringLocalizer<SharedResource>>()["Account.SignInThrottled"]);
        var view = new ViewResult
        {
            ViewName = "/Features/Accounts/Views/SignIn.cshtml",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary<SignInModel>(services.GetRequiredService<IModelMetadataProvider>(), modelState) { Model = model },
        };
        await view.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }
}
