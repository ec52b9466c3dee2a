using Manuals.Core.Audit;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Audit;

/// <summary>
/// Writes audit-log entries for this request: one call per action, made after the change has succeeded. It fills in the
/// time (<see cref="TimeProvider"/>), the client's address (the forwarded one behind a trusted proxy) and, unless given,
/// the actor from the signed-in user.
/// <para>
/// A failure to write the log never turns a change that has already been saved into an error page (the user would
/// redo it): it is logged at Error level with the whole entry, so nothing is lost silently and the entry can be
/// recovered from the application log. The write is not cancelled when the client goes away.
/// </para>
/// </summary>
/// <example>
/// <code>
/// await audit.RecordAsync(AuditAction.ManualPublished, AuditTarget.Of(AuditTargetType.Manual, id, title));
/// await audit.RecordSignInAsync(user.Id, user.DisplayName, AuditOutcome.Success, AuditMethod.Oidc);
/// </code>
/// </example>
public sealed partial class AuditTrail(
    IAuditLog log, CurrentUser currentUser, IHttpContextAccessor accessor, TimeProvider clock, ILogger<AuditTrail> logger)
{
    /// <summary>Records a successful action by the signed-in user.</summary>
    /// <param name="action">One of <see cref="AuditAction"/>.</param>
    /// <param name="target">What it was done to; null when nothing in particular.</param>
    /// <param name="detail">Old → new values, counts or a reason; never a password.</param>
    public Task RecordAsync(string action, AuditTarget? target, string? detail = null) =>
        RecordAsync(action, AuditOutcome.Success, target, detail);

    /// <summary>Records an action by the signed-in user with its outcome.</summary>
    public Task RecordAsync(string action, AuditOutcome outcome, AuditTarget? target, string? detail = null) =>
        AppendAsync(new AuditEntry
        {
            ActorUserId = currentUser.IsSignedIn ? currentUser.Viewer.UserId : null,
            ActorName = currentUser.IsSignedIn ? currentUser.DisplayName : AuditActors.UnknownUser,
            Action = action,
            Outcome = outcome,
            TargetType = target?.Type,
            TargetId = target?.Id,
            TargetName = target?.Name,
            Detail = detail,
        });

    /// <summary>
    /// Records a sign-in attempt, made before anyone is signed in. Pass the account's id and display name only when
    /// the typed user name belongs to an account; otherwise null, and the entry names 「不明なユーザー」
    /// (<see cref="AuditActors.UnknownUser"/>), so nothing typed (a password in the user-name box) lands in the log.
    /// </summary>
    /// <param name="userId">The account signing in, or null when none matched.</param>
    /// <param name="displayName">Its display name.</param>
    /// <param name="userName">Its user name, recorded as the target's name.</param>
    /// <param name="outcome">Whether it worked.</param>
    /// <param name="method">One of <see cref="AuditMethod"/>.</param>
    /// <param name="detail">Why it failed, when that is worth knowing (e.g. an external account with no mapped group).</param>
    public Task RecordSignInAsync(long? userId, string? displayName, string? userName, AuditOutcome outcome, string method, string? detail = null) =>
        AppendAsync(new AuditEntry
        {
            ActorUserId = userId,
            ActorName = userId is null ? AuditActors.UnknownUser : displayName ?? "",
            Action = AuditAction.SignIn,
            Outcome = outcome,
            Method = method,
            TargetType = userId is null ? null : AuditTargetType.User,
            TargetId = userId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TargetName = userId is null ? null : userName,
            Detail = detail,
        });

    /// <summary>Records an action by a named actor that is not a signed-in user, such as <see cref="AuditActors.CommandLine"/>.</summary>
    public Task RecordAsAsync(string actorName, string action, AuditOutcome outcome, AuditTarget? target, string? detail = null) =>
        AppendAsync(new AuditEntry
        {
            ActorName = actorName,
            Action = action,
            Outcome = outcome,
            TargetType = target?.Type,
            TargetId = target?.Id,
            TargetName = target?.Name,
            Detail = detail,
        });

    private async Task AppendAsync(AuditEntry entry)
    {
        entry = entry with
        {
            OccurredAt = clock.GetUtcNow(),
            ClientAddress = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        };
        try
        {
            // CancellationToken.None: the change is saved; the record of it must be too, even if the client has gone.
            await log.AppendAsync(entry, CancellationToken.None);
        }
#pragma warning disable CA1031 // Any failure: the saved change must not become an error page; the entry goes to the log below.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogAppendFailed(
                logger, ex, entry.Action, entry.Outcome, entry.ActorUserId, entry.ActorName, entry.TargetType, entry.TargetId, entry.TargetName, entry.Detail, entry.ClientAddress);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry not written: {Action} {Outcome} by {ActorUserId} {ActorName} on {TargetType} {TargetId} {TargetName}: {Detail} from {ClientAddress}")]
    private static partial void LogAppendFailed(
        ILogger logger, Exception exception, string action, AuditOutcome outcome, long? actorUserId, string actorName, string? targetType, string? targetId, string? targetName, string? detail, string? clientAddress);
}
