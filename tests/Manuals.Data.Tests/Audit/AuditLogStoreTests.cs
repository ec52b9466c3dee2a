using System.Data.Common;
using Dapper;
using Manuals.Core.Audit;
using Manuals.Data.Audit;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Audit;

/// <summary>The audit log: appends, each filter, keyset paging both ways, and the database refusing changes.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class AuditLogStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AppendAsync_Entry_ReadBackWithEveryField(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = db.Services.GetRequiredService<IAuditLog>();
        var entry = new AuditEntry
        {
            OccurredAt = Start.AddMinutes(5),
            ActorUserId = 7,
            ActorName = "山田 花子",
            Action = AuditAction.SignIn,
            Outcome = AuditOutcome.Failure,
            Method = AuditMethod.Local,
            TargetType = AuditTargetType.User,
            TargetId = "7",
            TargetName = "yamada",
            Detail = "詳細 & <b>",
            ClientAddress = "192.0.2.10",
        };

        var id = await log.AppendAsync(entry, db.CancellationToken);
        var page = await log.ListAsync(AuditFilter.None, new AuditPageRequest(), db.CancellationToken);

        Assert.True(id > 0);
        Assert.Equal([entry with { Id = id }], page.Entries);
        Assert.False(page.HasOlder);
        Assert.False(page.HasNewer);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AppendAsync_LongNamesAndDetail_CutToLimits(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = db.Services.GetRequiredService<IAuditLog>();

        await log.AppendAsync(
            Entry(Start, 1, AuditAction.Import) with { ActorName = new string('名', 500), Detail = new string('x', 5000) },
            db.CancellationToken);
        var stored = Assert.Single((await log.ListAsync(AuditFilter.None, new AuditPageRequest(), db.CancellationToken)).Entries);

        Assert.Equal(AuditLimits.NameMaxLength, stored.ActorName.Length);
        Assert.Equal(AuditLimits.DetailMaxLength, stored.Detail!.Length);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_ByActor_OnlyThatActorsEntries(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = await SeedAsync(db);

        var page = await log.ListAsync(new AuditFilter(ActorUserId: 2), new AuditPageRequest(), db.CancellationToken);

        Assert.NotEmpty(page.Entries);
        Assert.All(page.Entries, e => Assert.Equal(2, e.ActorUserId));
        Assert.Equal(Seed.Count(s => s.ActorUserId == 2), page.Entries.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_ByAction_OnlyThatAction(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = await SeedAsync(db);

        var page = await log.ListAsync(new AuditFilter(Action: AuditAction.ManualPublished), new AuditPageRequest(), db.CancellationToken);

        Assert.Equal(Seed.Count(s => s.Action == AuditAction.ManualPublished), page.Entries.Count);
        Assert.All(page.Entries, e => Assert.Equal(AuditAction.ManualPublished, e.Action));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_ByJapaneseDays_BothEndsInclusiveInTokyoTime(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = db.Services.GetRequiredService<IAuditLog>();
        // 2026-04-01 in Tokyo runs from 2026-03-31T15:00Z to 2026-04-01T15:00Z.
        var before = await log.AppendAsync(Entry(new DateTimeOffset(2026, 3, 31, 14, 59, 59, TimeSpan.Zero), 1, AuditAction.SignIn), db.CancellationToken);
        var first = await log.AppendAsync(Entry(new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero), 1, AuditAction.SignIn), db.CancellationToken);
        var last = await log.AppendAsync(Entry(new DateTimeOffset(2026, 4, 2, 14, 59, 59, TimeSpan.Zero), 1, AuditAction.SignIn), db.CancellationToken);
        var after = await log.AppendAsync(Entry(new DateTimeOffset(2026, 4, 2, 15, 0, 0, TimeSpan.Zero), 1, AuditAction.SignIn), db.CancellationToken);

        var filter = AuditFilter.ForDays(null, null, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2), Tokyo);
        var page = await log.ListAsync(filter, new AuditPageRequest(), db.CancellationToken);
        var fromOnly = await log.ListAsync(AuditFilter.ForDays(null, null, new DateOnly(2026, 4, 2), null, Tokyo), new AuditPageRequest(), db.CancellationToken);

        Assert.Equal([last, first], page.Entries.Select(e => e.Id));
        Assert.DoesNotContain(before, page.Entries.Select(e => e.Id));
        Assert.Equal([after, last], fromOnly.Entries.Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_FiltersCombined_AllMustMatch(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = await SeedAsync(db);
        var filter = new AuditFilter(2, AuditAction.SignIn, Start.AddMinutes(10), Start.AddMinutes(40));

        var page = await log.ListAsync(filter, new AuditPageRequest(), db.CancellationToken);

        var expected = Seed
            .Select((s, i) => (s, Id: i + 1))
            .Where(x => x.s.ActorUserId == 2 && x.s.Action == AuditAction.SignIn && x.s.OccurredAt >= Start.AddMinutes(10) && x.s.OccurredAt < Start.AddMinutes(40))
            .Count();
        Assert.Equal(expected, page.Entries.Count);
        Assert.NotEqual(0, expected);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_PagingOlderThenNewer_EveryEntryOnceInOrder(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = await SeedAsync(db);
        var all = (await log.ListAsync(AuditFilter.None, new AuditPageRequest(Size: 1000), db.CancellationToken)).Entries.Select(e => e.Id).ToList();

        var older = new List<long>();
        var pages = new List<AuditPage>();
        var page = await log.ListAsync(AuditFilter.None, new AuditPageRequest(Size: 7), db.CancellationToken);
        pages.Add(page);
        older.AddRange(page.Entries.Select(e => e.Id));
        while (page.HasOlder)
        {
            page = await log.ListAsync(AuditFilter.None, new AuditPageRequest(Before: page.Entries[^1].Id, Size: 7), db.CancellationToken);
            pages.Add(page);
            older.AddRange(page.Entries.Select(e => e.Id));
        }

        var newer = new List<long>(page.Entries.Select(e => e.Id));
        while (page.HasNewer)
        {
            page = await log.ListAsync(AuditFilter.None, new AuditPageRequest(After: page.Entries[0].Id, Size: 7), db.CancellationToken);
            newer.InsertRange(0, page.Entries.Select(e => e.Id));
        }

        Assert.Equal(Seed.Count, all.Count);
        Assert.Equal(all.OrderDescending(), all);
        Assert.Equal(all, older);
        Assert.Equal(all, newer);
        Assert.False(pages[0].HasNewer);
        Assert.True(pages[0].HasOlder);
        Assert.Equal(Seed.Count / 7 + (Seed.Count % 7 == 0 ? 0 : 1), pages.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_PagingWithFilter_StaysWithinFilter(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = await SeedAsync(db);
        var filter = new AuditFilter(ActorUserId: 1);

        var first = await log.ListAsync(filter, new AuditPageRequest(Size: 3), db.CancellationToken);
        var second = await log.ListAsync(filter, new AuditPageRequest(Before: first.Entries[^1].Id, Size: 3), db.CancellationToken);

        Assert.All(first.Entries.Concat(second.Entries), e => Assert.Equal(1, e.ActorUserId));
        Assert.Empty(first.Entries.Select(e => e.Id).Intersect(second.Entries.Select(e => e.Id)));
        Assert.True(second.HasNewer);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ExportAsync_MoreThanOnePage_EveryEntryNewestFirstUpToMax(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = await SeedAsync(db);

        var everything = await log.ExportAsync(AuditFilter.None, 10_000, db.CancellationToken).ToListAsync(db.CancellationToken);
        var capped = await log.ExportAsync(AuditFilter.None, 5, db.CancellationToken).ToListAsync(db.CancellationToken);

        Assert.Equal(Seed.Count, everything.Count);
        Assert.Equal(everything.Select(e => e.Id).OrderDescending(), everything.Select(e => e.Id));
        Assert.Equal(everything.Take(5), capped);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Update_OnAuditLog_RefusedByDatabase(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = await SeedAsync(db);
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            new CommandDefinition("UPDATE audit_log SET actor_name = 'someone else'", cancellationToken: db.CancellationToken)));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        var entries = (await log.ListAsync(AuditFilter.None, new AuditPageRequest(Size: 1000), db.CancellationToken)).Entries;
        Assert.DoesNotContain(entries, e => e.ActorName == "someone else");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Delete_OnAuditLog_RefusedByDatabase(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var log = await SeedAsync(db);
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            new CommandDefinition("DELETE FROM audit_log", cancellationToken: db.CancellationToken)));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(Seed.Count, (await log.ListAsync(AuditFilter.None, new AuditPageRequest(Size: 1000), db.CancellationToken)).Entries.Count);
    }

    [Fact]
    public void AuditStore_HasNoUpdateOrDeleteMember()
    {
        var members = typeof(IAuditLog).GetMethods().Concat(typeof(AuditLogStore).GetMethods()).Select(m => m.Name).ToList();

        Assert.DoesNotContain(members, m => m.Contains("Update", StringComparison.Ordinal) || m.Contains("Delete", StringComparison.Ordinal) || m.Contains("Remove", StringComparison.Ordinal));
    }

    /// <summary>31 entries by three actors, two minutes apart, cycling through three actions.</summary>
    private static readonly List<AuditEntry> Seed = Enumerable.Range(0, 31)
        .Select(i => Entry(Start.AddMinutes(i * 2), (i % 3) + 1, (i % 4) switch
        {
            0 => AuditAction.SignIn,
            1 => AuditAction.ManualPublished,
            2 => AuditAction.SignIn,
            _ => AuditAction.HandoverStarted,
        }))
        .ToList();

    private static async Task<IAuditLog> SeedAsync(TestDatabase db)
    {
        var log = db.Services.GetRequiredService<IAuditLog>();
        foreach (var entry in Seed)
        {
            await log.AppendAsync(entry, db.CancellationToken);
        }

        return log;
    }

    private static AuditEntry Entry(DateTimeOffset at, long actor, string action) => new()
    {
        OccurredAt = at,
        ActorUserId = actor,
        ActorName = $"利用者{actor}",
        Action = action,
        TargetType = AuditTargetType.Manual,
        TargetId = "1",
        TargetName = "経費精算",
    };
}
