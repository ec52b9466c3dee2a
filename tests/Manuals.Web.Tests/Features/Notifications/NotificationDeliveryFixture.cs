using System.Globalization;
using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Notifications;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Notifications;

/// <summary>
/// The app with e-mail on, sent to an SMTP server in the test, and http webhooks to loopback allowed, posted to a
/// receiver in the test; both on 127.0.0.1. Tests of one class run one after another and take every message they cause.
/// </summary>
public sealed class NotificationDeliveryFixture : IAsyncLifetime
{
    public const string BaseUrl = "https://manuals.example.jp";

    public SmtpTestServer Smtp { get; private set; } = null!;

    public WebhookReceiver Receiver { get; private set; } = null!;

    public ManualsAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        Receiver = await WebhookReceiver.StartAsync();
        App.Settings["Notifications:BaseUrl"] = BaseUrl;
        App.Settings["Notifications:AllowLoopbackWebhooks"] = "true";
        foreach (var (key, value) in MailSettings(Smtp.Port, enabled: true))
        {
            App.Settings[key] = value;
        }

        _ = App.Server;
    }

    /// <summary>Settings that send mail to <paramref name="port"/> on 127.0.0.1 in plain text.</summary>
    public static Dictionary<string, string> MailSettings(int port, bool enabled) => new()
    {
        ["Notifications:Mail:Enabled"] = enabled ? "true" : "false",
        ["Notifications:Mail:Host"] = "127.0.0.1",
        ["Notifications:Mail:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Mail:Security"] = "None",
        ["Notifications:Mail:FromAddress"] = "manuals@example.jp",
        ["Notifications:Mail:Timeout"] = "00:00:30",
    };

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>Sends <paramref name="message"/> to the users as the events do (a scope's <see cref="Notifier"/>).</summary>
    public static async Task NotifyAsync(ManualsAppFactory app, IReadOnlyCollection<long> userIds, NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(userIds, message, CancellationToken.None);
    }

    /// <summary>Creates a Reader of 総務 with <paramref name="email"/> (none when null).</summary>
    public static async Task<long> CreateUserAsync(ManualsAppFactory app, string userName, string? email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var id = await app.CreateUserAsync(userName, Roles.Reader, "総務");
        if (email is not null)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture));
            user!.Email = email;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        return id;
    }

    public static async Task<long> DepartmentIdAsync(ManualsAppFactory app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var departments = await app.Services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None);
        return departments.Single(d => d.Name == name).Id;
    }
}
