namespace Manuals.Web.Features.Accounts;

/// <summary>Log messages of company sign-in.</summary>
internal static partial class CompanySignInLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Company sign-in through {Provider} refused: {Reason} (reference {Reference})")]
    public static partial void Refused(ILogger logger, string provider, string reason, string reference, Exception? exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Signing out of {Provider} failed")]
    public static partial void ProviderSignOutFailed(ILogger logger, string provider, Exception exception);
}
