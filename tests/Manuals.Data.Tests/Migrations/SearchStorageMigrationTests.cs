using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Search;
using Manuals.Data.Migrations;
using Manuals.Data.Search;
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
        var at = new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(9));
        var closing = await InsertIndexedManualAsync(db, "月次決算の手順", 1, "経理部が締めます。", at);
        await InsertIndexedManualAsync(db, "備品の発注", 3, "総務部が発注します。", at);

        await db.Services.GetRequiredService<MigrationRunner>().MigrateAsync(db.CancellationToken);

        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "経"));
        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "経理"));
        Assert.Equal(["備品の発注"], await TitlesAsync(db, "発注"));
        Assert.Equal(new SearchIndexStatus(2, 2), await db.Services.GetRequiredService<ISearchIndex>().StatusAsync(db.CancellationToken));
        await db.QueryAsync<long>("DELETE FROM manuals WHERE id = @closing RETURNING id", new { closing });
        Assert.Equal([1L], await db.QueryAsync<long>(engine == SqlEngine.Sqlite ? "SELECT COUNT(*) FROM search_fts" : "SELECT COUNT(*) FROM search_documents"));
    }

    /// <summary>
    /// Writes a manual and its index entry as a save did at this schema version. Today's store cannot: it also writes
    /// tables of later migrations (the search journal).
    /// </summary>
    private static async Task<long> InsertIndexedManualAsync(TestDatabase db, string title, long departmentId, string body, DateTimeOffset at)
    {
        const string sql = """
            INSERT INTO manuals (title, department_id, visibility, status, revision_number, body, created_at, updated_at)
            VALUES (@title, @departmentId, 'Company', 'Published', 1, @body, @at, @at)
            RETURNING id
            """;
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(db.CancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { title, departmentId, body, at }, transaction, cancellationToken: db.CancellationToken));
        await SearchIndexWriter.UpdateAsync(connection, transaction, id, SearchDocument.Create(title, [], body), db.CancellationToken);
        await transaction.CommitAsync(db.CancellationToken);
        return id;
    }

    private static async Task<List<string>> TitlesAsync(TestDatabase db, string text)
    {
        var page = await db.Services.GetRequiredService<ISearchIndex>().SearchAsync(
            SearchQueryParser.Parse(text, []), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken);
        return page.Rows.Select(r => r.Title).ToList();
    }
}
