using Manuals.Core.Notifications;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// The words of a notification, from its kind and arguments, in the current UI language: the bell's list, e-mail
/// subjects and bodies, and chat messages all read them from here (<c>Notifications.{kind}</c> in the resources).
/// </summary>
public sealed class NotificationText(IStringLocalizer<SharedResource> l)
{
    /// <summary>One line saying what happened, e.g. 「給与計算の手順」が必読に指定されました（期限 2026/12/14）.</summary>
    public string Line(string kind, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return l[$"Notifications.{kind}", [.. args.Select(Display)]].Value;
    }

    /// <summary>The name of a kind, for the settings page.</summary>
    public string KindName(string kind) => l[$"Notifications.Kind.{kind}"].Value;

    // Dates travel as yyyy-MM-dd and read as 2026/12/14; a decision travels as its code.
    private object Display(string arg) =>
        DateOnly.TryParseExact(arg, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture)
            : arg switch
            {
                "approved" => l["Notifications.Decision.approved"].Value,
                "sent-back" => l["Notifications.Decision.sent-back"].Value,
                _ => arg,
            };
}
