using Manuals.Core.Accounts;

namespace Manuals.Core.Handovers;

/// <summary>
/// Who completes a handover, and the sign-in accounts of the people in it, as the access policy sees them: a manual's
/// owner moves only when <paramref name="Actor"/> may edit the manual and the successor's account may read it.
/// </summary>
/// <param name="Actor">The user completing the handover (or looking at what completing would do).</param>
/// <param name="Accounts">Enabled accounts by user id; a successor whose account is missing here (disabled) receives nothing.</param>
public sealed record CompletionRights(Viewer Actor, IReadOnlyDictionary<long, Viewer> Accounts)
{
    public static CompletionRights Of(Viewer actor, IEnumerable<UserSummary> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return new(actor, accounts.Where(a => !a.IsDisabled).ToDictionary(a => a.Id, a => a.AsViewer()));
    }
}
