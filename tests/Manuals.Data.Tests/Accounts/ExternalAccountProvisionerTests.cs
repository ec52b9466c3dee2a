using Dapper;
using Manuals.Core.Accounts;
using Manuals.Data.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Accounts;

/// <summary>The provisioner over the real stores: what only a database shows (races, unique names against local users).</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class ExternalAccountProvisionerTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SignInAsync_ConcurrentFirstSignIns_EndWithOneUserAndOneCreated(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var provisioner = CreateProvisioner(db);
        var identity = Identity("oid-1", "tanaka@corp.example");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => provisioner.SignInAsync(identity, db.CancellationToken))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.UserId).Distinct());
        Assert.Single(results, r => r.Created);
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM users"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SignInAsync_PreferredNameTakenByLocalUser_CreatesSeparateUserWithGeneratedName(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var scope = db.CreateScope();
        var local = new User { UserName = "tanaka", NormalizedUserName = "TANAKA", DisplayName = "田中（ローカル）", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserStore>().CreateAsync(local, db.CancellationToken)).Succeeded);

        var result = await CreateProvisioner(db).SignInAsync(Identity("oid-1", "Tanaka"), db.CancellationToken);

        Assert.True(result.Created);
        Assert.NotEqual(local.Id, result.UserId);
        var created = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindAsync(result.UserId, db.CancellationToken);
        Assert.StartsWith("ext-", created!.UserName, StringComparison.Ordinal);
        Assert.Equal("田中（ローカル）", (await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindAsync(local.Id, db.CancellationToken))!.DisplayName);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SignInAsync_SecondSignInWithOtherGroupsAndRenamedEmail_SameUserNewDepartments(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var mappings = db.Services.GetRequiredService<IDirectoryGroupMappingStore>();
        await mappings.AddAsync("g-keiri", "経理", 1, DateTimeOffset.UtcNow, db.CancellationToken);
        await mappings.AddAsync("g-jinji", "人事", 2, DateTimeOffset.UtcNow, db.CancellationToken);
        var provisioner = CreateProvisioner(db);
        var first = await provisioner.SignInAsync(Identity("oid-1", "tanaka@corp.example") with { GroupIds = ["g-keiri"] }, db.CancellationToken);

        var second = await provisioner.SignInAsync(
            Identity("oid-1", "t.tanaka@new.example") with { Email = "t.tanaka@new.example", GroupIds = ["g-jinji", "unknown"] },
            db.CancellationToken);

        Assert.Equal(first.UserId, second.UserId);
        Assert.False(second.Created);
        Assert.True(second.AccessChanged);
        var user = await db.Services.CreateScope().ServiceProvider.GetRequiredService<IAccountDirectory>().FindAsync(first.UserId, db.CancellationToken);
        Assert.Equal([2L], user!.DepartmentIds);
        Assert.Equal("t.tanaka@new.example", user.Email);
        Assert.Equal("tanaka@corp.example", user.UserName);
    }

    private static ExternalAccountProvisioner CreateProvisioner(TestDatabase db) => new(
        db.Services.GetRequiredService<IExternalAccountStore>(),
        db.Services.GetRequiredService<IDirectoryGroupMappingStore>(),
        new ExternalSignInOptions(),
        TimeProvider.System);

    private static ExternalIdentity Identity(string subject, string preferredUserName) =>
        new("entra", "tenant-1", subject, "田中 太郎", "tanaka@corp.example", preferredUserName, ["Manuals.Editor"], []);

    private static async Task<long> CountAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: db.CancellationToken));
    }
}
