using System.Data.Common;
using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Search;
using Manuals.Data.Search;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search;

/// <summary>The writer the manual store calls inside its save transaction: the index follows the transaction's fate.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchIndexWriterTests
{
    private static readonly Viewer Admin = new(1, new HashSet<string> { Roles.Admin }, new HashSet<long>());
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_TransactionCommitted_ManualIsFound(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            var id = await InsertManualAsync(connection, transaction, "月次決算の手順", "経理部が締めます。");
            await SearchIndexWriter.UpdateAsync(connection, transaction, id, Document("月次決算の手順", "経理部が締めます。"), db.CancellationToken);
            await transaction.CommitAsync(db.CancellationToken);
        }

        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "経理"));
        Assert.Equal(new SearchIndexStatus(1, 1), await Index(db).StatusAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_TransactionRolledBack_NothingIsIndexed(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            var id = await InsertManualAsync(connection, transaction, "月次決算の手順", "経理部が締めます。");
            await SearchIndexWriter.UpdateAsync(connection, transaction, id, Document("月次決算の手順", "経理部が締めます。"), db.CancellationToken);
            await transaction.RollbackAsync(db.CancellationToken);
        }

        Assert.Empty(await TitlesAsync(db, "経理"));
        Assert.Equal([0L], await db.QueryAsync<long>("SELECT COUNT(*) FROM search_documents"));
        if (engine == SqlEngine.Sqlite)
        {
            Assert.Equal([0L], await db.QueryAsync<long>("SELECT COUNT(*) FROM search_fts"));
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_EditRolledBack_IndexKeepsTheSavedText(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await SaveAsync(db, null, "月次決算の手順", "経理部が締めます。");

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE manuals SET body = 'サーバを再起動します。', revision_number = 2 WHERE id = @id", new { id }, transaction, cancellationToken: db.CancellationToken));
            await SearchIndexWriter.UpdateAsync(connection, transaction, id, Document("月次決算の手順", "サーバを再起動します。"), db.CancellationToken);
            await transaction.RollbackAsync(db.CancellationToken);
        }

        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "経理"));
        Assert.Empty(await TitlesAsync(db, "サーバ"));
        Assert.Equal(new SearchIndexStatus(1, 1), await Index(db).StatusAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_NewText_ReplacesTheOldEntry(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await SaveAsync(db, null, "月次決算の手順", "経理部が締めます。");

        await SaveAsync(db, id, "月次決算の手順", "サーバを再起動します。");

        Assert.Empty(await TitlesAsync(db, "経理"));
        Assert.Equal(["月次決算の手順"], await TitlesAsync(db, "サーバ"));
        Assert.Equal([1L], await db.QueryAsync<long>("SELECT COUNT(*) FROM search_documents"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeleteAsync_Entry_IsNoLongerFound(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await SaveAsync(db, null, "月次決算の手順", "経理部が締めます。");

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            await SearchIndexWriter.DeleteAsync(connection, transaction, id, db.CancellationToken);
            await transaction.CommitAsync(db.CancellationToken);
        }

        Assert.Empty(await TitlesAsync(db, "経理"));
        Assert.Equal(new SearchIndexStatus(1, 0), await Index(db).StatusAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingTheManualRow_RemovesItsEntry(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var id = await SaveAsync(db, null, "月次決算の手順", "経理部が締めます。");

        await db.QueryAsync<long>("DELETE FROM manuals WHERE id = @id RETURNING id", new { id });

        Assert.Empty(await TitlesAsync(db, "経理"));
        Assert.Equal([0L], await db.QueryAsync<long>("SELECT COUNT(*) FROM search_documents"));
        if (engine == SqlEngine.Sqlite)
        {
            Assert.Equal([0L], await db.QueryAsync<long>("SELECT COUNT(*) FROM search_fts"));
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_LargestAllowedBodyOfDistinctKanji_SavesAndStaysSearchable(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        // 200,000 characters whose bigrams are nearly all different: far more lexemes than a tsvector may hold.
        var random = new Random(4);
        var body = "冒頭の決算。" + new string([.. Enumerable.Range(0, 200_000).Select(_ => (char)random.Next(0x4E00, 0x9FA0))]);

        var id = await SaveAsync(db, null, "大きな手順", body);

        Assert.Equal(["大きな手順"], await TitlesAsync(db, "決算"));
        Assert.Equal(new SearchIndexStatus(1, 1), await Index(db).StatusAsync(db.CancellationToken));
        Assert.True(id > 0);
    }

    private static SearchDocument Document(string title, string body) => SearchDocument.Create(title, ["月次"], body);

    private static ISearchIndex Index(TestDatabase db) => db.Services.GetRequiredService<ISearchIndex>();

    /// <summary>Inserts (or updates) a manual row and its index entry in one committed transaction, as a save does.</summary>
    private static async Task<long> SaveAsync(TestDatabase db, long? id, string title, string body)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(db.CancellationToken);
        if (id is { } existing)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE manuals SET title = @title, body = @body, revision_number = revision_number + 1 WHERE id = @existing",
                new { title, body, existing },
                transaction,
                cancellationToken: db.CancellationToken));
        }
        else
        {
            id = await InsertManualAsync(connection, transaction, title, body);
        }

        await SearchIndexWriter.UpdateAsync(connection, transaction, id.Value, Document(title, body), db.CancellationToken);
        await transaction.CommitAsync(db.CancellationToken);
        return id.Value;
    }

    private static Task<long> InsertManualAsync(DbConnection connection, DbTransaction transaction, string title, string body)
    {
        const string sql = """
            INSERT INTO manuals (title, department_id, visibility, status, template, owner_id, revision_number, body, created_at, updated_at)
            VALUES (@title, 1, 'Company', 'Published', NULL, NULL, 1, @body, @now, @now)
            RETURNING id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { title, body, now = Now }, transaction));
    }

    private static async Task<List<string>> TitlesAsync(TestDatabase db, string text)
    {
        var query = SearchQueryParser.Parse(text, []);
        var page = await Index(db).SearchAsync(query, SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, db.CancellationToken);
        Assert.Equal(page.Rows.Count, page.Total);
        return page.Rows.Select(r => r.Title).ToList();
    }
}
