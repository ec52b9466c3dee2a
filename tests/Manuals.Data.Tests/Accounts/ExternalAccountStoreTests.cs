using Dapper;
using Manuals.Core.Accounts;
using Manuals.Data.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Accounts;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class ExternalAccountStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ExternalLogin Login = new("entra", "tenant-1", "oid-1");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NewLogin_CreatesUserWithoutPasswordAndFindByLoginReturnsIt(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();

        var id = await store.CreateAsync(NewAccount(Login, "tanaka@corp.example", Roles.Editor, [3, 1]), Now, db.CancellationToken);

        Assert.NotNull(id);
        var account = await store.FindByLoginAsync(Login, db.CancellationToken);
        Assert.NotNull(account);
        Assert.Equal(id, account.UserId);
        Assert.Equal("tanaka@corp.example", account.UserName);
        Assert.False(account.IsDisabled);
        Assert.False(account.AccessOverridden);
        Assert.Equal([Roles.Editor], account.Roles);
        Assert.Equal([1L, 3L], account.DepartmentIds);
        await using var scope = db.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserStore>().FindByNameAsync("TANAKA@CORP.EXAMPLE", db.CancellationToken);
        Assert.NotNull(user);
        Assert.Null(user.PasswordHash);
        Assert.False(user.MustChangePassword);
        Assert.Equal("田中 太郎", user.DisplayName);
        Assert.Null(await store.FindByLoginAsync(Login with { Subject = "oid-2" }, db.CancellationToken));
        Assert.Null(await store.FindByLoginAsync(Login with { Issuer = "tenant-2" }, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_UserNameTaken_ReturnsNullAndCreatesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();
        await store.CreateAsync(NewAccount(Login, "tanaka", Roles.Reader, [1]), Now, db.CancellationToken);
        var other = Login with { Subject = "oid-2" };

        var id = await store.CreateAsync(NewAccount(other, "TANAKA", Roles.Admin, [2]), Now, db.CancellationToken);

        Assert.Null(id);
        Assert.Null(await store.FindByLoginAsync(other, db.CancellationToken));
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM users"));
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM user_roles"));
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM user_departments"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_LoginAlreadyLinked_ReturnsNullAndLeavesNoUserBehind(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();
        var first = await store.CreateAsync(NewAccount(Login, "tanaka", Roles.Reader, []), Now, db.CancellationToken);

        var second = await store.CreateAsync(NewAccount(Login, "ext-other", Roles.Reader, []), Now, db.CancellationToken);

        Assert.Null(second);
        Assert.Equal(first, (await store.FindByLoginAsync(Login, db.CancellationToken))!.UserId);
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM users"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_ManyConcurrentFirstSignInsOfOneLogin_EndWithOneUser(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.CreateAsync(NewAccount(Login, $"name{i}", Roles.Reader, [1]), Now, db.CancellationToken))));

        var created = Assert.Single(ids, id => id is not null);
        Assert.Equal(created, (await store.FindByLoginAsync(Login, db.CancellationToken))!.UserId);
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM users"));
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM external_logins"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAtSignInAsync_WithAccess_RefreshesProfileReplacesAccessAndRecordsTheTime(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();
        var id = (await store.CreateAsync(NewAccount(Login, "tanaka", Roles.Reader, [1, 2]), Now, db.CancellationToken))!.Value;

        var updated = await store.UpdateAtSignInAsync(
            id, Login, "田中 花子", "hanako@corp.example", new ExternalAccess(Roles.Admin, [5]), Now.AddDays(1), db.CancellationToken);

        Assert.True(updated);
        var account = await store.FindByLoginAsync(Login, db.CancellationToken);
        Assert.Equal([Roles.Admin], account!.Roles);
        Assert.Equal([5L], account.DepartmentIds);
        var login = await store.FindLoginAsync(id, db.CancellationToken);
        Assert.Equal(Now.AddDays(1), login!.LastSignInAt);
        Assert.Equal(Now, login.CreatedAt);
        var summary = await db.Services.CreateScope().ServiceProvider.GetRequiredService<IAccountDirectory>().FindAsync(id, db.CancellationToken);
        Assert.Equal("田中 花子", summary!.DisplayName);
        Assert.Equal("hanako@corp.example", summary.Email);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAtSignInAsync_NoAccessAndNoProfile_KeepsRoleDepartmentsNameAndEmail(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();
        var id = (await store.CreateAsync(NewAccount(Login, "tanaka", Roles.Editor, [1, 2]), Now, db.CancellationToken))!.Value;

        var updated = await store.UpdateAtSignInAsync(id, Login, null, null, null, Now.AddDays(1), db.CancellationToken);

        Assert.True(updated);
        var account = await store.FindByLoginAsync(Login, db.CancellationToken);
        Assert.Equal([Roles.Editor], account!.Roles);
        Assert.Equal([1L, 2L], account.DepartmentIds);
        var summary = await db.Services.CreateScope().ServiceProvider.GetRequiredService<IAccountDirectory>().FindAsync(id, db.CancellationToken);
        Assert.Equal("田中 太郎", summary!.DisplayName);
        Assert.Equal("tanaka@corp.example", summary.Email);
        Assert.Equal(Now.AddDays(1), (await store.FindLoginAsync(id, db.CancellationToken))!.LastSignInAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAtSignInAsync_DisabledUser_ReturnsFalseAndChangesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();
        var id = (await store.CreateAsync(NewAccount(Login, "tanaka", Roles.Reader, [1]), Now, db.CancellationToken))!.Value;
        await ExecuteAsync(db, "UPDATE users SET is_disabled = @disabled WHERE id = @id", new { disabled = true, id });

        var updated = await store.UpdateAtSignInAsync(
            id, Login, "別名", null, new ExternalAccess(Roles.Admin, [2]), Now.AddDays(1), db.CancellationToken);

        Assert.False(updated);
        var account = await store.FindByLoginAsync(Login, db.CancellationToken);
        Assert.True(account!.IsDisabled);
        Assert.Equal([Roles.Reader], account.Roles);
        Assert.Equal([1L], account.DepartmentIds);
        Assert.Equal(Now, (await store.FindLoginAsync(id, db.CancellationToken))!.LastSignInAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SetAccessOverriddenAsync_Toggled_FindAndListShowTheFlag(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();
        var id = (await store.CreateAsync(NewAccount(Login, "tanaka", Roles.Reader, []), Now, db.CancellationToken))!.Value;

        await store.SetAccessOverriddenAsync(id, true, db.CancellationToken);

        Assert.True((await store.FindByLoginAsync(Login, db.CancellationToken))!.AccessOverridden);
        Assert.True((await store.ListLoginsAsync(db.CancellationToken))[id].AccessOverridden);
        await store.SetAccessOverriddenAsync(id, false, db.CancellationToken);
        Assert.False((await store.FindLoginAsync(id, db.CancellationToken))!.AccessOverridden);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListLoginsAsync_LocalAndCompanyUsers_ListsOnlyCompanyAccountsWithProvider(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IExternalAccountStore>();
        var company = (await store.CreateAsync(NewAccount(Login, "tanaka@corp", Roles.Reader, []), Now, db.CancellationToken))!.Value;
        await using var scope = db.CreateScope();
        var local = new User { UserName = "tanaka", NormalizedUserName = "TANAKA", DisplayName = "田中", CreatedAt = Now };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserStore>().CreateAsync(local, db.CancellationToken)).Succeeded);

        var logins = await store.ListLoginsAsync(db.CancellationToken);

        var login = Assert.Single(logins).Value;
        Assert.Equal(company, login.UserId);
        Assert.Equal("entra", login.Provider);
        Assert.Equal("tenant-1", login.Issuer);
        Assert.Null(await store.FindLoginAsync(local.Id, db.CancellationToken));
    }

    private static NewExternalAccount NewAccount(ExternalLogin login, string userName, string role, IReadOnlyList<long> departments) =>
        new(login, userName, userName.ToUpperInvariant(), "田中 太郎", "tanaka@corp.example", new ExternalAccess(role, departments));

    private static async Task<long> CountAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: db.CancellationToken));
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql, object parameters)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: db.CancellationToken));
    }
}
