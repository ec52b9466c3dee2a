using Manuals.Core.Accounts;
using Manuals.Data.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Accounts;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SessionStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Ticket = [1, 2, 3, 0, 255];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NewSession_FindReturnsTheTicketUntilItExpires(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (sessions, userId) = await ArrangeAsync(db, "tanaka");

        await sessions.CreateAsync("s1", userId, Ticket, Now.AddHours(10), Now, db.CancellationToken);

        Assert.Equal(Ticket, await sessions.FindAsync("s1", Now.AddHours(9), db.CancellationToken));
        Assert.Null(await sessions.FindAsync("s1", Now.AddHours(10).AddSeconds(1), db.CancellationToken));
        Assert.Null(await sessions.FindAsync("unknown", Now, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RenewAsync_LiveSession_ReplacesTicketAndExpiry(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (sessions, userId) = await ArrangeAsync(db, "tanaka");
        await sessions.CreateAsync("s1", userId, Ticket, Now.AddHours(10), Now, db.CancellationToken);

        var renewed = await sessions.RenewAsync("s1", userId, [9, 9], Now.AddHours(15), Now.AddHours(5), db.CancellationToken);

        Assert.True(renewed);
        Assert.Equal([9, 9], await sessions.FindAsync("s1", Now.AddHours(12), db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RenewAsync_RemovedOrOtherUsersSession_ReturnsFalseAndCreatesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (sessions, userId) = await ArrangeAsync(db, "tanaka");
        var otherId = await CreateUserAsync(db, "suzuki");
        await sessions.CreateAsync("s1", userId, Ticket, Now.AddHours(10), Now, db.CancellationToken);
        await sessions.CreateAsync("s2", userId, Ticket, Now.AddHours(10), Now, db.CancellationToken);
        await sessions.RemoveAsync("s1", db.CancellationToken);

        var removed = await sessions.RenewAsync("s1", userId, [9], Now.AddHours(15), Now, db.CancellationToken);
        var foreign = await sessions.RenewAsync("s2", otherId, [9], Now.AddHours(15), Now, db.CancellationToken);

        Assert.False(removed);
        Assert.False(foreign);
        Assert.Null(await sessions.FindAsync("s1", Now, db.CancellationToken));
        Assert.Equal(Ticket, await sessions.FindAsync("s2", Now, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RemoveForUserAsync_ExceptOne_EndsTheUsersOtherSessionsOnly(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (sessions, userId) = await ArrangeAsync(db, "tanaka");
        var otherId = await CreateUserAsync(db, "suzuki");
        foreach (var id in new[] { "a", "b", "c" })
        {
            await sessions.CreateAsync(id, userId, Ticket, Now.AddHours(10), Now, db.CancellationToken);
        }

        await sessions.CreateAsync("other", otherId, Ticket, Now.AddHours(10), Now, db.CancellationToken);

        var ended = await sessions.RemoveForUserAsync(userId, "b", db.CancellationToken);

        Assert.Equal(2, ended);
        Assert.Null(await sessions.FindAsync("a", Now, db.CancellationToken));
        Assert.NotNull(await sessions.FindAsync("b", Now, db.CancellationToken));
        Assert.Null(await sessions.FindAsync("c", Now, db.CancellationToken));
        Assert.NotNull(await sessions.FindAsync("other", Now, db.CancellationToken));
        Assert.Equal(1, await sessions.RemoveForUserAsync(userId, null, db.CancellationToken));
        Assert.Equal(0, await sessions.CountForUserAsync(userId, Now, db.CancellationToken));
        Assert.Equal(1, await sessions.CountForUserAsync(otherId, Now, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_ExpiredSessionsExist_PurgesThemInBoundedBatches(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (sessions, userId) = await ArrangeAsync(db, "tanaka");
        for (var i = 0; i < SessionStore.PurgeBatch + 5; i++)
        {
            await sessions.CreateAsync($"old{i}", userId, Ticket, Now.AddMinutes(i), Now, db.CancellationToken);
        }

        var later = Now.AddDays(1);
        await sessions.CreateAsync("new1", userId, Ticket, later.AddHours(10), later, db.CancellationToken);
        Assert.Equal(6, await CountRowsAsync(db, userId));
        await sessions.CreateAsync("new2", userId, Ticket, later.AddHours(10), later, db.CancellationToken);

        Assert.Equal(2, await CountRowsAsync(db, userId));
        Assert.Equal(2, await sessions.CountForUserAsync(userId, later, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeleteUser_WithSessions_RemovesTheSessions(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (sessions, userId) = await ArrangeAsync(db, "tanaka");
        await sessions.CreateAsync("s1", userId, Ticket, Now.AddHours(10), Now, db.CancellationToken);
        await using var scope = db.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserStore>();

        await users.DeleteAsync((await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture), db.CancellationToken))!, db.CancellationToken);

        Assert.Null(await sessions.FindAsync("s1", Now, db.CancellationToken));
    }

    private static async Task<(ISessionStore Sessions, long UserId)> ArrangeAsync(TestDatabase db, string userName) =>
        (db.Services.GetRequiredService<ISessionStore>(), await CreateUserAsync(db, userName));

    private static async Task<long> CreateUserAsync(TestDatabase db, string userName)
    {
        await using var scope = db.CreateScope();
        var user = new User { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName, CreatedAt = Now };
        var result = await scope.ServiceProvider.GetRequiredService<UserStore>().CreateAsync(user, db.CancellationToken);
        Assert.True(result.Succeeded);
        return user.Id;
    }

    private static async Task<long> CountRowsAsync(TestDatabase db, long userId)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, new Dapper.CommandDefinition(
            "SELECT COUNT(*) FROM sessions WHERE user_id = @userId", new { userId }, cancellationToken: db.CancellationToken));
    }
}
