using Manuals.Core.Accounts;
using Manuals.Core.Search;
using Manuals.Data.Migrations;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Manuals.Data.Tests.Migrations;

/// <summary>
/// Migration 0018 removes the database's own full-text index (FTS5 on SQLite, tsvector on PostgreSQL) from a database
/// that had it; the manuals stay searchable through the Lucene index, fed by the journal 0017 seeded.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class DatabaseSearchRemovalMigrationTests
{
    private const int RemovalVersion = 18;

    private static readonly Viewer Admin = new(9000, new HashSet<string> { Roles.Admin }, new HashSet<long>());

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_DatabaseWithItsOwnSearch_DropsItAndTheManualsStayFound(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var before = MigrationRunner.LoadEmbedded(db.Engine).Where(m => m.Version < RemovalVersion).ToList();
        await new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance, before).MigrateAsync(db.CancellationToken);
        var at = new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(9));
        var closing = await InsertManualAsync(db, "月次決算の手順", "経理部が締めます。", at);
        await InsertManualAsync(db, "備品の発注", "総務部が発注します。", at);
        // What the released scripts 0005-0010 made before they stopped creating the database's own search index.
        await db.QueryAsync<int>(engine == SqlEngine.Sqlite ? LegacySqlite : LegacyPostgres);
        Assert.True(await db.TableExistsAsync("search_documents"));

        await db.Services.GetRequiredService<MigrationRunner>().MigrateAsync(db.CancellationToken);

        Assert.False(await db.TableExistsAsync("search_documents"));
        Assert.False(await db.TableExistsAsync("search_fts"));
        if (engine == SqlEngine.Sqlite)
        {
            Assert.Equal([0L], await db.QueryAsync<long>(
                "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('manuals_delete_search', 'ix_manuals_search') OR name LIKE 'search_fts%'"));
        }

        Assert.True(await db.TableExistsAsync("search_synonyms"));
        Assert.True(await db.TableExistsAsync("search_misses"));
        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "経理"));
        Assert.Equal(["備品の発注"], await TitlesAsync(db, "発注"));
        await db.QueryAsync<long>("DELETE FROM manuals WHERE id = @closing RETURNING id", new { closing });
        Assert.Empty(await TitlesAsync(db, "経理"));
    }

    private const string LegacySqlite = """
        CREATE VIRTUAL TABLE search_fts USING fts5(title, tags, headings, body, tokenize = 'ascii', prefix = '1');
        CREATE TABLE search_documents (manual_id INTEGER PRIMARY KEY REFERENCES manuals (id) ON DELETE CASCADE,
            revision_number INTEGER NOT NULL, analyzer_version INTEGER NOT NULL);
        CREATE TRIGGER manuals_delete_search AFTER DELETE ON manuals BEGIN DELETE FROM search_fts WHERE rowid = old.id; END;
        CREATE INDEX ix_manuals_search ON manuals (id, visibility, department_id, owner_id, status, template, updated_at);
        SELECT 1;
        """;

    private const string LegacyPostgres = """
        CREATE TABLE search_documents (manual_id bigint PRIMARY KEY REFERENCES manuals (id) ON DELETE CASCADE,
            revision_number integer NOT NULL, analyzer_version integer NOT NULL, document tsvector NOT NULL);
        CREATE INDEX ix_search_documents_document ON search_documents USING gin (document);
        ALTER TABLE search_documents ADD COLUMN title tsvector GENERATED ALWAYS AS (ts_filter(document, '{a}')) STORED;
        CREATE INDEX ix_search_documents_title ON search_documents USING gin (title);
        SELECT 1;
        """;

    /// <summary>A manual row written directly (no journal row): a new index is built from the manuals themselves.</summary>
    private static async Task<long> InsertManualAsync(TestDatabase db, string title, string body, DateTimeOffset at) =>
        (await db.QueryAsync<long>(
            """
            INSERT INTO manuals (title, department_id, visibility, status, revision_number, body, created_at, updated_at)
            VALUES (@title, 1, 'Company', 'Published', 1, @body, @at, @at)
            RETURNING id
            """,
            new { title, body, at })).Single();

    private static async Task<List<string>> TitlesAsync(TestDatabase db, string text)
    {
        var index = db.Services.GetRequiredService<ISearchIndex>();
        await index.WaitForSavesAsync(db.CancellationToken);
        var page = await index.SearchAsync(
            SearchQueryParser.Parse(text, []), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken);
        return page.Rows.Select(r => r.Title).ToList();
    }
}
