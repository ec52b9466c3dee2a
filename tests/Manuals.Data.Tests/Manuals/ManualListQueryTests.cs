using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Data.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Manuals;

/// <summary>
/// The lists that page in the database (issue #18) answer exactly what <see cref="ManualAccessPolicy"/> and
/// <see cref="ReviewSchedule"/> decide in C#: every kind of manual against every kind of viewer, on both engines.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class ManualListQueryTests
{
    private const long Accounting = 1;
    private const long HumanResources = 2;
    private const long GeneralAffairs = 3;

    private static readonly DateTimeOffset Start = new(2025, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListReadableAsync_EveryKindOfManualAndViewer_MatchesTheAccessPolicyInUpdateOrder(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var (all, viewers) = await CreateEveryKindAsync(db, store);

        foreach (var viewer in viewers)
        {
            foreach (long? department in new long?[] { null, Accounting, GeneralAffairs })
            {
                var expected = all
                    .Where(m => ManualAccessPolicy.CanRead(viewer, m) && (department is null || m.DepartmentId == department))
                    .OrderByDescending(m => m.UpdatedAt)
                    .ThenByDescending(m => m.Id)
                    .Select(m => m.Id)
                    .ToList();

                var slice = await store.ListReadableAsync(viewer, department, null, 1000, db.CancellationToken);

                Assert.Equal(expected, slice.Manuals.Select(m => m.Id).ToList());
                Assert.False(slice.HasNewer);
                Assert.False(slice.HasOlder);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CountReadableByDepartmentAsync_EveryKindOfViewer_CountsWhatThePolicyLetsThemRead(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var (all, viewers) = await CreateEveryKindAsync(db, store);

        foreach (var viewer in viewers)
        {
            var expected = all
                .Where(m => ManualAccessPolicy.CanRead(viewer, m))
                .GroupBy(m => m.DepartmentId)
                .ToDictionary(g => g.Key, g => g.Count());

            var counts = await store.CountReadableByDepartmentAsync(viewer, db.CancellationToken);

            Assert.Equal(expected.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListReadableAsync_PagedForwardThenBack_VisitsEveryManualOnceAndComesBackToTheSamePages(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var admin = new Viewer(0, new HashSet<string> { Roles.Admin }, new HashSet<long>());
        // Eleven manuals, four saved at the same instant: the id breaks the tie, so no page skips or repeats one.
        for (var i = 0; i < 11; i++)
        {
            await store.CreateAsync(Draft($"手順 {i}", Accounting, ManualVisibility.Company, ManualStatus.Published), Author, null,
                i < 4 ? Start : Start.AddMinutes(i), db.CancellationToken);
        }

        var pages = new List<ManualListSlice> { await store.ListReadableAsync(admin, null, null, 4, db.CancellationToken) };
        while (pages[^1].HasOlder)
        {
            pages.Add(await store.ListReadableAsync(
                admin, null, new ManualListPosition(pages[^1].Manuals[^1].Id, Before: false), 4, db.CancellationToken));
        }

        var expected = (await store.ListReadableAsync(admin, null, null, 100, db.CancellationToken)).Manuals.Select(m => m.Id).ToList();
        Assert.Equal(expected, pages.SelectMany(p => p.Manuals).Select(m => m.Id).ToList());
        Assert.Equal([4, 4, 3], pages.Select(p => p.Manuals.Count));
        Assert.False(pages[0].HasNewer);
        Assert.True(pages[1].HasNewer);

        var back = await store.ListReadableAsync(admin, null, new ManualListPosition(pages[2].Manuals[0].Id, Before: true), 4, db.CancellationToken);
        Assert.Equal(pages[1].Manuals.Select(m => m.Id), back.Manuals.Select(m => m.Id));
        Assert.True(back.HasNewer);
        Assert.True(back.HasOlder);
        var first = await store.ListReadableAsync(admin, null, new ManualListPosition(pages[1].Manuals[0].Id, Before: true), 4, db.CancellationToken);
        Assert.Equal(pages[0].Manuals.Select(m => m.Id), first.Manuals.Select(m => m.Id));
        Assert.False(first.HasNewer);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListOverdueAsync_AroundTheDueMoment_MatchesTheReviewSchedule(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var ids = new List<long>();
        foreach (var status in new[] { ManualStatus.Published, ManualStatus.Draft, ManualStatus.Archived })
        {
            for (var day = 0; day < 4; day++)
            {
                ids.Add(await store.CreateAsync(Draft($"{status} {day}", Accounting, ManualVisibility.Company, status), Author, null,
                    Start.AddDays(-day).AddSeconds(-day), db.CancellationToken));
            }
        }

        var reviewed = ids[1];
        Assert.True(await store.MarkReviewedAsync(reviewed, null, Start.AddDays(10), db.CancellationToken));
        var all = await store.ListByIdsAsync(ids, db.CancellationToken);
        var due = ReviewSchedule.DueAt(all.Single(m => m.Id == ids[0]));

        // Just before, at and just after the moment the newest one falls due, and a day on.
        foreach (var now in new[] { due.AddTicks(-10), due, due.AddSeconds(1), due.AddDays(1), due.AddDays(20) })
        {
            var expected = all
                .Where(m => ReviewSchedule.StateOf(m.Status, ReviewSchedule.DueAt(m), now) == ReviewState.Overdue)
                .Select(m => m.Id)
                .Order()
                .ToList();

            var overdue = await store.ListOverdueAsync(now, db.CancellationToken);

            Assert.Equal(expected, overdue.Select(m => m.Id).Order().ToList());
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListByIdsAndTextsAsync_MoreIdsThanOneQueryTakes_ReturnsEachKnownOneOnce(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IManualStore>();
        var first = await store.CreateAsync(Draft("一つ目", Accounting, ManualVisibility.Company, ManualStatus.Published), Author, null, Start, db.CancellationToken);
        var second = await store.CreateAsync(Draft("二つ目", Accounting, ManualVisibility.Company, ManualStatus.Published), Author, null, Start, db.CancellationToken);
        Assert.True(await store.TryUpdateAsync(
            second, 1, Draft("二つ目", Accounting, ManualVisibility.Company, ManualStatus.Published) with { Body = "# 手順\n\n1. 新しい" },
            Author, Start.AddHours(1), db.CancellationToken));
        // Unknown ids and repeats among 1,200: three chunks of ids.
        var asked = Enumerable.Range(100_000, 1_200).Select(i => (long)i).Append(first).Append(second).Append(second).ToList();

        var summaries = await store.ListByIdsAsync(asked, db.CancellationToken);
        var texts = await store.ListTextsAsync(asked, db.CancellationToken);

        Assert.Equal([first, second], summaries.Select(m => m.Id).Order());
        Assert.Equal([first, second], texts.Select(t => t.Id).Order());
        var text = texts.Single(t => t.Id == second);
        Assert.Equal(2, text.RevisionNumber);
        Assert.Equal("# 手順\n\n1. 新しい", text.Body);
        Assert.Empty(await store.ListByIdsAsync([], db.CancellationToken));
    }

    private static readonly Author Author = new(null, "佐藤 一郎");

    private static ManualDraft Draft(string title, long department, ManualVisibility visibility, ManualStatus status) =>
        new(title, department, visibility, status, null, [], "# 手順\n\n1. 確認する", "作成");

    /// <summary>
    /// A manual of every status and visibility in three departments, owned by nobody, by the Reader or by the Editor; and
    /// a Reader, an Editor and an Admin who each belong to some of those departments, and someone of no department.
    /// </summary>
    private static async Task<(IReadOnlyList<ManualSummary> All, IReadOnlyList<Viewer> Viewers)> CreateEveryKindAsync(
        TestDatabase db, IManualStore store)
    {
        var reader = await CreateUserAsync(db, "reader");
        var editor = await CreateUserAsync(db, "editor");
        var at = Start;
        foreach (var department in new[] { Accounting, HumanResources, GeneralAffairs })
        {
            foreach (var visibility in Enum.GetValues<ManualVisibility>())
            {
                foreach (var status in Enum.GetValues<ManualStatus>())
                {
                    foreach (var owner in new long?[] { null, reader, editor })
                    {
                        at = at.AddMinutes(1);
                        await store.CreateAsync(Draft($"{department}-{visibility}-{status}-{owner}", department, visibility, status), Author, owner, at, db.CancellationToken);
                    }
                }
            }
        }

        var viewers = new List<Viewer>
        {
            new(reader, new HashSet<string> { Roles.Reader }, new HashSet<long> { Accounting }),
            new(reader, new HashSet<string> { Roles.Reader }, new HashSet<long> { Accounting, HumanResources }),
            new(editor, new HashSet<string> { Roles.Editor }, new HashSet<long> { GeneralAffairs }),
            new(editor, new HashSet<string> { Roles.Editor }, new HashSet<long>()),
            new(reader, new HashSet<string> { Roles.Reader }, new HashSet<long>()),
            new(0, new HashSet<string> { Roles.Admin }, new HashSet<long> { Accounting }),
        };
        var all = await store.ListAsync(null, db.CancellationToken);
        return (all, viewers);
    }

    private static async Task<long> CreateUserAsync(TestDatabase db, string userName)
    {
        await using var scope = db.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = new User { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName };
        await users.CreateAsync(user, db.CancellationToken);
        return user.Id;
    }
}
