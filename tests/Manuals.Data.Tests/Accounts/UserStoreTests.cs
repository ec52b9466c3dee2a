using System.Globalization;
using Manuals.Core.Accounts;
using Manuals.Data.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Accounts;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class UserStoreTests
{
    private const long Accounting = 1;
    private const long HumanResources = 2;
    private const long GeneralAffairs = 3;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NewUser_FindByNormalizedNameAndByIdReturnIt(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var createdAt = new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));
        var user = NewUser("tanaka", "田中 太郎", createdAt);

        var result = await store.CreateAsync(user, db.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.True(user.Id > 0);
        var byName = await store.FindByNameAsync("TANAKA", db.CancellationToken);
        var byId = await store.FindByIdAsync(user.Id.ToString(CultureInfo.InvariantCulture), db.CancellationToken);
        foreach (var found in new[] { byName, byId })
        {
            Assert.NotNull(found);
            Assert.Equal(user.Id, found.Id);
            Assert.Equal("tanaka", found.UserName);
            Assert.Equal("TANAKA", found.NormalizedUserName);
            Assert.Equal("田中 太郎", found.DisplayName);
            Assert.Equal("tanaka@example.co.jp", found.Email);
            Assert.Equal(user.PasswordHash, found.PasswordHash);
            Assert.Equal(user.SecurityStamp, found.SecurityStamp);
            Assert.Equal(user.ConcurrencyStamp, found.ConcurrencyStamp);
            Assert.True(found.LockoutEnabled);
            Assert.Null(found.LockoutEnd);
            Assert.Equal(0, found.AccessFailedCount);
            Assert.False(found.IsDisabled);
            Assert.False(found.MustChangePassword);
            Assert.Equal(createdAt, found.CreatedAt);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NameTakenMeanwhile_FailsAsDuplicateInsteadOfThrowing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        await store.CreateAsync(NewUser("tanaka", "田中 太郎"), db.CancellationToken);

        var result = await store.CreateAsync(NewUser("tanaka", "別の田中"), db.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(IdentityErrorDescriber.DuplicateUserName), Assert.Single(result.Errors).Code);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAsync_UnknownNameOrId_ReturnsNull(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        await store.CreateAsync(NewUser("tanaka", "田中 太郎"), db.CancellationToken);

        Assert.Null(await store.FindByNameAsync("tanaka", db.CancellationToken)); // not normalised
        Assert.Null(await store.FindByNameAsync("SUZUKI", db.CancellationToken));
        Assert.Null(await store.FindByIdAsync("424242", db.CancellationToken));
        Assert.Null(await store.FindByIdAsync("not-a-number", db.CancellationToken));
        Assert.Null(await store.FindByIdAsync("-1", db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_ChangedFields_PersistsThemAndRenewsTheConcurrencyStamp(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = NewUser("tanaka", "田中 太郎");
        await store.CreateAsync(user, db.CancellationToken);
        var stampBefore = user.ConcurrencyStamp;
        user.UserName = "tanaka.t";
        user.NormalizedUserName = "TANAKA.T";
        user.DisplayName = "田中 太郎（経理部）";
        user.Email = null;
        user.PasswordHash = "new-hash";
        user.SecurityStamp = "new-security-stamp";
        user.IsDisabled = true;
        user.MustChangePassword = true;

        var result = await store.UpdateAsync(user, db.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.NotEqual(stampBefore, user.ConcurrencyStamp);
        var found = await store.FindByIdAsync(user.Id.ToString(CultureInfo.InvariantCulture), db.CancellationToken);
        Assert.NotNull(found);
        Assert.Equal(
            ("tanaka.t", "TANAKA.T", "田中 太郎（経理部）", (string?)null, (string?)"new-hash", "new-security-stamp", true, user.ConcurrencyStamp),
            (found.UserName, found.NormalizedUserName, found.DisplayName, found.Email, found.PasswordHash, found.SecurityStamp, found.IsDisabled, found.ConcurrencyStamp));
        Assert.True(found.MustChangePassword);
        Assert.Null(await store.FindByNameAsync("TANAKA", db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_StaleConcurrencyStamp_FailsAndWritesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = NewUser("tanaka", "田中 太郎");
        await store.CreateAsync(user, db.CancellationToken);
        var id = user.Id.ToString(CultureInfo.InvariantCulture);
        var first = await store.FindByIdAsync(id, db.CancellationToken);
        var second = await store.FindByIdAsync(id, db.CancellationToken);
        Assert.NotNull(first);
        Assert.NotNull(second);
        first.DisplayName = "先に保存した名前";
        Assert.True((await store.UpdateAsync(first, db.CancellationToken)).Succeeded);
        second.DisplayName = "古い画面からの名前";
        var staleStamp = second.ConcurrencyStamp;

        var result = await store.UpdateAsync(second, db.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(IdentityErrorDescriber.ConcurrencyFailure), Assert.Single(result.Errors).Code);
        Assert.Equal(staleStamp, second.ConcurrencyStamp);
        var stored = await store.FindByIdAsync(id, db.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal("先に保存した名前", stored.DisplayName);
        Assert.Equal(first.ConcurrencyStamp, stored.ConcurrencyStamp);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddToRoleAsync_RoleNamesInAnyCase_StoresCanonicalNamesOnce(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = NewUser("tanaka", "田中 太郎");
        var other = NewUser("suzuki", "鈴木 次郎");
        await store.CreateAsync(user, db.CancellationToken);
        await store.CreateAsync(other, db.CancellationToken);

        await store.AddToRoleAsync(user, "EDITOR", db.CancellationToken); // Identity passes normalised names
        await store.AddToRoleAsync(user, "editor", db.CancellationToken);
        await store.AddToRoleAsync(user, "Admin", db.CancellationToken);
        await store.AddToRoleAsync(other, "reader", db.CancellationToken);

        Assert.Equal([Roles.Admin, Roles.Editor], await store.GetRolesAsync(user, db.CancellationToken));
        Assert.True(await store.IsInRoleAsync(user, "ADMIN", db.CancellationToken));
        Assert.True(await store.IsInRoleAsync(user, "editor", db.CancellationToken));
        Assert.False(await store.IsInRoleAsync(user, Roles.Reader, db.CancellationToken));
        Assert.Equal([user.Id], (await store.GetUsersInRoleAsync("EDITOR", db.CancellationToken)).Select(u => u.Id));
        Assert.Equal([other.Id], (await store.GetUsersInRoleAsync("Reader", db.CancellationToken)).Select(u => u.Id));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RemoveFromRoleAsync_RoleNameInAnyCase_RemovesOnlyThatRole(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = NewUser("tanaka", "田中 太郎");
        await store.CreateAsync(user, db.CancellationToken);
        await store.AddToRoleAsync(user, Roles.Editor, db.CancellationToken);
        await store.AddToRoleAsync(user, Roles.Admin, db.CancellationToken);

        await store.RemoveFromRoleAsync(user, "ADMIN", db.CancellationToken);

        Assert.Equal([Roles.Editor], await store.GetRolesAsync(user, db.CancellationToken));
        Assert.Empty(await store.GetUsersInRoleAsync(Roles.Admin, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddToRoleAsync_UnknownRole_ThrowsAndStoresNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = NewUser("tanaka", "田中 太郎");
        await store.CreateAsync(user, db.CancellationToken);

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddToRoleAsync(user, "Superuser", db.CancellationToken));

        Assert.Empty(await store.GetRolesAsync(user, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_LockoutFields_RoundTripIncludingNull(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = NewUser("tanaka", "田中 太郎");
        await store.CreateAsync(user, db.CancellationToken);
        var id = user.Id.ToString(CultureInfo.InvariantCulture);
        var lockoutEnd = new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(9));
        await store.SetLockoutEndDateAsync(user, lockoutEnd, db.CancellationToken);
        await store.SetLockoutEnabledAsync(user, false, db.CancellationToken);
        Assert.Equal(3, await IncrementTimesAsync(store, user, 3, db.CancellationToken));

        Assert.True((await store.UpdateAsync(user, db.CancellationToken)).Succeeded);
        var locked = await store.FindByIdAsync(id, db.CancellationToken);

        Assert.NotNull(locked);
        Assert.Equal(lockoutEnd, await store.GetLockoutEndDateAsync(locked, db.CancellationToken));
        Assert.False(await store.GetLockoutEnabledAsync(locked, db.CancellationToken));
        Assert.Equal(3, await store.GetAccessFailedCountAsync(locked, db.CancellationToken));

        await store.SetLockoutEndDateAsync(locked, null, db.CancellationToken);
        await store.SetLockoutEnabledAsync(locked, true, db.CancellationToken);
        await store.ResetAccessFailedCountAsync(locked, db.CancellationToken);
        Assert.True((await store.UpdateAsync(locked, db.CancellationToken)).Succeeded);
        var unlocked = await store.FindByIdAsync(id, db.CancellationToken);

        Assert.NotNull(unlocked);
        Assert.Null(unlocked.LockoutEnd);
        Assert.True(unlocked.LockoutEnabled);
        Assert.Equal(0, unlocked.AccessFailedCount);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SetDepartmentsAsync_NewSet_ReplacesThePreviousOne(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var directory = scope.ServiceProvider.GetRequiredService<IAccountDirectory>();
        var user = NewUser("tanaka", "田中 太郎");
        await store.CreateAsync(user, db.CancellationToken);

        await directory.SetDepartmentsAsync(user.Id, [Accounting, HumanResources, Accounting], db.CancellationToken);
        var first = await directory.GetDepartmentIdsAsync(user.Id, db.CancellationToken);
        await directory.SetDepartmentsAsync(user.Id, [GeneralAffairs], db.CancellationToken);
        var second = await directory.GetDepartmentIdsAsync(user.Id, db.CancellationToken);
        await directory.SetDepartmentsAsync(user.Id, [], db.CancellationToken);
        var third = await directory.GetDepartmentIdsAsync(user.Id, db.CancellationToken);

        Assert.Equal([Accounting, HumanResources], first.Order());
        Assert.Equal([GeneralAffairs], second);
        Assert.Empty(third);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_UsersWithRolesAndDepartments_ReturnsThemOrderedByUserName(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<UserStore>();
        var directory = scope.ServiceProvider.GetRequiredService<IAccountDirectory>();
        var yamada = NewUser("yamada", "山田 花子");
        var abe = NewUser("abe", "阿部 三郎");
        var lockoutEnd = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        abe.LockoutEnd = lockoutEnd;
        abe.IsDisabled = true;
        await store.CreateAsync(yamada, db.CancellationToken);
        await store.CreateAsync(abe, db.CancellationToken);
        await store.AddToRoleAsync(yamada, Roles.Editor, db.CancellationToken);
        await store.AddToRoleAsync(yamada, Roles.Admin, db.CancellationToken);
        await directory.SetDepartmentsAsync(yamada.Id, [GeneralAffairs, Accounting], db.CancellationToken);

        var users = await directory.ListAsync(db.CancellationToken);

        Assert.Equal(["abe", "yamada"], users.Select(u => u.UserName));
        var (first, second) = (users[0], users[1]);
        Assert.Equal(abe.Id, first.Id);
        Assert.Equal("阿部 三郎", first.DisplayName);
        Assert.True(first.IsDisabled);
        Assert.Equal(lockoutEnd, first.LockoutEnd);
        Assert.Empty(first.Roles);
        Assert.Empty(first.DepartmentIds);
        Assert.Equal(yamada.Id, second.Id);
        Assert.Equal("yamada@example.co.jp", second.Email);
        Assert.Null(second.LockoutEnd);
        Assert.Equal([Roles.Admin, Roles.Editor], second.Roles);
        Assert.Equal([Accounting, GeneralAffairs], second.DepartmentIds);
        Assert.Equal(2, await directory.CountAsync(db.CancellationToken));

        var found = await directory.FindAsync(yamada.Id, db.CancellationToken);
        Assert.NotNull(found);
        Assert.Equal([Roles.Admin, Roles.Editor], found.Roles);
        Assert.Equal([Accounting, GeneralAffairs], found.DepartmentIds);
        Assert.Null(await directory.FindAsync(424242, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UserManager_OverTheStore_HashesPasswordsAndLocksOutAfterFiveFailures(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, configureServices: services => services
            .AddIdentityCore<User>(o => o.Lockout.MaxFailedAccessAttempts = 5)
            .AddUserStore<UserStore>());
        string id;
        await using (var scope = db.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = "Sato", DisplayName = "佐藤 一郎", Email = "sato@example.co.jp" };

            var created = await users.CreateAsync(user, "Kessan#2025");

            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.Equal("SATO", user.NormalizedUserName);
            Assert.True(await users.CheckPasswordAsync(user, "Kessan#2025"));
            Assert.False(await users.CheckPasswordAsync(user, "kessan#2025"));
            id = user.Id.ToString(CultureInfo.InvariantCulture);
        }

        // A new scope reads everything back from the database, as the next request would.
        await using (var scope = db.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByNameAsync("sato");
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, "Kessan#2025"));
            Assert.False(await users.IsLockedOutAsync(user));
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                Assert.True((await users.AccessFailedAsync(user)).Succeeded);
            }
        }

        await using (var scope = db.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(id);
            Assert.NotNull(user);
            Assert.True(await users.IsLockedOutAsync(user));
            Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow);
            Assert.Equal(0, user.AccessFailedCount);
        }
    }

    private static User NewUser(string userName, string displayName, DateTimeOffset createdAt = default) => new()
    {
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        DisplayName = displayName,
        Email = $"{userName}@example.co.jp",
        PasswordHash = $"hash-of-{userName}",
        CreatedAt = createdAt,
    };

    private static async Task<int> IncrementTimesAsync(UserStore store, User user, int times, CancellationToken cancellationToken)
    {
        var count = 0;
        for (var i = 0; i < times; i++)
        {
            count = await store.IncrementAccessFailedCountAsync(user, cancellationToken);
        }

        return count;
    }
}
