using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Migrations;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Manuals.Data.Tests.Migrations;

/// <summary>
/// Migration 0010 (search storage) on a database whose manuals are already indexed. On SQLite it recreates the FTS5
/// table with a prefix index and copies its rows; on PostgreSQL it changes how the index is stored.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchStorageMigrationTests
{
    private const int SearchStorageVersion = 10;

    private static readonly Viewer Admin = new(9000, new HashSet<string> { Roles.Admin }, new HashSet<long>());

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_IndexedManuals_StayFoundAlsoByOneCharacterAndTheDeleteTriggerStillWorks(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var migrations = MigrationRunner.LoadEmbedded(db.Engine).Where(m => m.Version < SearchStorageVersion).ToList();
        await new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance, migrations).MigrateAsync(db.CancellationToken);
        var store = db.Services.GetRequiredService<IManualStore>();
        var at = new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(9));
        var closing = await store.CreateAsync(
            new ManualDraft("月次決算の手順", 1, ManualVisibility.Company, ManualStatus.Published, null, ["経理"], "経理部が締めます。", "作成"),
            new Author(null, "テスト"),
            null,
            at,
            db.CancellationToken);
        await store.CreateAsync(
            new ManualDraft("備品の発注", 3, ManualVisibility.Company, ManualStatus.Published, null, [], "総務部が発注します。", "作成"),
            new Author(null, "テスト"),
            null,
            at,
            db.CancellationToken);

        await db.Services.GetRequiredService<MigrationRunner>().MigrateAsync(db.CancellationToken);

        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "経"));
        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "経理"));
        Assert.Equal(["備品の発注"], await TitlesAsync(db, "発注"));
        Assert.Equal(new SearchIndexStatus(2, 2), await db.Services.GetRequiredService<ISearchIndex>().StatusAsync(db.CancellationToken));
        await db.QueryAsync<long>("DELETE FROM manuals WHERE id = @closing RETURNING id", new { closing });
        Assert.Equal([1L], await db.QueryAsync<long>(engine == SqlEngine.Sqlite ? "SELECT COUNT(*) FROM search_fts" : "SELECT COUNT(*) FROM search_documents"));
    }

    private static async Task<List<string>> TitlesAsync(TestDatabase db, string text)
    {
        var page = await db.Services.GetRequiredService<ISearchIndex>().SearchAsync(
            SearchQueryParser.Parse(text, []), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken);
        return page.Rows.Select(r => r.Title).ToList();
    }
}
