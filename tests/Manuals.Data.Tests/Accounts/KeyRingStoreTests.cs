using Manuals.Core.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Accounts;

/// <summary>The data-protection key ring in the database: every key kept, in the order written, XML unchanged.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class KeyRingStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddAsync_TwoKeys_ListedInOrderAsWritten(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var keys = db.Services.GetRequiredService<IKeyRingStore>();
        const string first = "<key id=\"1\" version=\"1\"><creationDate>2026-04-01T09:00:00Z</creationDate><descriptor>鍵 &amp; 1</descriptor></key>";
        const string second = "<key id=\"2\" version=\"1\"><revocation /></key>";

        var empty = await keys.ListAsync(db.CancellationToken);
        await keys.AddAsync("key-1", first, Now, db.CancellationToken);
        await keys.AddAsync("key-2", second, Now.AddDays(80), db.CancellationToken);

        Assert.Empty(empty);
        Assert.Equal([first, second], await keys.ListAsync(db.CancellationToken));
    }
}
