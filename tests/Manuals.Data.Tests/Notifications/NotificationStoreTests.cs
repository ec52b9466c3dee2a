using Manuals.Core.Notifications;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Notifications;

/// <summary>The bell's store (<see cref="INotificationStore"/>): per user, newest first, read state, once per dedupe key, e-mail choices.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class NotificationStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddAsync_ListsNewestFirstPerUser_CountsUnread_AndOpensOnlyTheirOwn(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<INotificationStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var taro = await db.CreateUserAsync("taro");

        var first = await store.AddAsync([hanako, taro], new NotificationMessage(NotificationKind.ReadingAssigned, ["給与計算の手順", "2026-12-14"], "/manuals/3"), Monday, db.CancellationToken);
        await store.AddAsync([hanako], new NotificationMessage(NotificationKind.ReviewDigest, ["2", "1"], "/"), Monday.AddHours(1), db.CancellationToken);
        var list = await store.ListAsync(hanako, 10, db.CancellationToken);
        var taroList = await store.ListAsync(taro, 10, db.CancellationToken);
        Assert.Null(await store.OpenAsync(taro, list[0].Id, Monday, db.CancellationToken));
        var opened = await store.OpenAsync(hanako, list[1].Id, Monday.AddHours(2), db.CancellationToken);

        Assert.Equal([hanako, taro], first);
        Assert.Equal([NotificationKind.ReviewDigest, NotificationKind.ReadingAssigned], list.Select(n => n.Kind));
        Assert.Equal(["給与計算の手順", "2026-12-14"], list[1].Args);
        Assert.Equal("/manuals/3", opened!.Url);
        Assert.True(opened.IsRead);
        Assert.Equal(1, await store.CountUnreadAsync(hanako, db.CancellationToken));
        Assert.Equal(1, await store.CountUnreadAsync(taro, db.CancellationToken));
        Assert.Single(taroList);
        await store.MarkAllReadAsync(hanako, Monday.AddHours(3), db.CancellationToken);
        Assert.Equal(0, await store.CountUnreadAsync(hanako, db.CancellationToken));
        Assert.Equal(1, await store.CountUnreadAsync(taro, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddAsync_SameDedupeKeyAgain_ReachesOnlyThoseWhoHadItNot(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<INotificationStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var taro = await db.CreateUserAsync("taro");
        var reminder = new NotificationMessage(NotificationKind.ReadingDue, ["月次決算", "2026-12-08"], "/manuals/1", "reading-due:1:2026-12-08");

        var once = await store.AddAsync([hanako], reminder, Monday, db.CancellationToken);
        var again = await store.AddAsync([hanako, taro], reminder, Monday.AddDays(1), db.CancellationToken);

        Assert.Equal([hanako], once);
        Assert.Equal([taro], again);
        Assert.Single(await store.ListAsync(hanako, 10, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SetMailOptOutsAsync_ReplacesTheUsersChoicesOnly(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<INotificationStore>();
        var hanako = await db.CreateUserAsync("hanako");
        var taro = await db.CreateUserAsync("taro");

        await store.SetMailOptOutsAsync(hanako, [NotificationKind.ReviewDigest, NotificationKind.ReadingDue], db.CancellationToken);
        await store.SetMailOptOutsAsync(taro, [NotificationKind.ApprovalRequested], db.CancellationToken);
        await store.SetMailOptOutsAsync(hanako, [NotificationKind.ReadingDue], db.CancellationToken);

        Assert.Equal([NotificationKind.ReadingDue], await store.MailOptOutsAsync(hanako, db.CancellationToken));
        Assert.Equal([NotificationKind.ApprovalRequested], await store.MailOptOutsAsync(taro, db.CancellationToken));
    }
}
