using Manuals.Core.Departments;
using Manuals.Core.Notifications;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Notifications;

/// <summary>Department webhooks (<see cref="IDepartmentWebhookStore"/>): one per department, replaced, removed, gone with the department.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class DepartmentWebhookStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SetAsync_TwiceForOneDepartment_ReplacesItAndLeavesOthers(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IDepartmentWebhookStore>();
        var departments = await db.Services.GetRequiredService<IDepartmentStore>().ListAsync(db.CancellationToken);
        var (soumu, keiri) = (departments[0].Id, departments[1].Id);

        await store.SetAsync(new DepartmentWebhook(soumu, WebhookKind.Teams, "https://example.webhook.office.com/webhookb2/first"), db.CancellationToken);
        await store.SetAsync(new DepartmentWebhook(keiri, WebhookKind.Teams, "https://example.webhook.office.com/webhookb2/keiri"), db.CancellationToken);
        await store.SetAsync(new DepartmentWebhook(soumu, WebhookKind.Slack, "https://hooks.slack.com/services/T0/B0/second"), db.CancellationToken);

        Assert.Equal(new DepartmentWebhook(soumu, WebhookKind.Slack, "https://hooks.slack.com/services/T0/B0/second"), await store.FindAsync(soumu, db.CancellationToken));
        Assert.Equal(
            [new DepartmentWebhook(soumu, WebhookKind.Slack, "https://hooks.slack.com/services/T0/B0/second"), new DepartmentWebhook(keiri, WebhookKind.Teams, "https://example.webhook.office.com/webhookb2/keiri")],
            (await store.ListAsync(db.CancellationToken)).OrderBy(w => w.DepartmentId == soumu ? 0 : 1));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RemoveAsync_SetAndUnset_TrueOnceThenFalse(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IDepartmentWebhookStore>();
        var department = (await db.Services.GetRequiredService<IDepartmentStore>().ListAsync(db.CancellationToken))[2].Id;
        await store.SetAsync(new DepartmentWebhook(department, WebhookKind.Slack, "https://hooks.slack.com/services/T0/B0/x"), db.CancellationToken);

        Assert.True(await store.RemoveAsync(department, db.CancellationToken));
        Assert.False(await store.RemoveAsync(department, db.CancellationToken));
        Assert.Null(await store.FindAsync(department, db.CancellationToken));
        Assert.Empty(await store.ListAsync(db.CancellationToken));
    }
}
