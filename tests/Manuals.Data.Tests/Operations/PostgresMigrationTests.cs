using Manuals.Data.Operations;
using Manuals.Data.Tests.Coverage;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Operations;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task CopyAsync_EveryTableFilled_SameCountsAndChecksumsPerTableAndIdentitiesGoOn()
    {
        await using var source = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        await OperationsData.FillAsync(source);
        var expected = await OperationsAssert.SummariesAsync(source);
        // A table a migration adds without rows here fails this line: add it to OperationsData.
        Assert.All(expected, t => Assert.True(t.Rows > 0, $"{t.Table} is empty in the test data"));
        await using var target = await TestDatabase.CreateAsync(SqlEngine.Postgres, migrate: false);

        var copied = await source.Services.GetRequiredService<PostgresMigration>().CopyAsync(target.PostgresConnectionString!, null, source.CancellationToken);

        Assert.Equal(expected, copied);
        Assert.Equal(expected, await OperationsAssert.SummariesAsync(target));
        // Identities continue above the copied ids, on the tables PostgreSQL numbers itself too.
        var highest = (await target.QueryAsync<long>("SELECT MAX(id) FROM manuals")).Single();
        Assert.True(await CoverageData.CreateManualAsync(target, "移行後の手順") > highest);
        await target.QueryAsync<long>("INSERT INTO audit_log (occurred_at, actor_name, action, outcome) VALUES (now(), 'x', 'sign-in', 'success')");
    }

    [Fact]
    public async Task CopyAsync_TargetHoldsData_RefusedAndTargetUnchanged()
    {
        await using var source = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        await CoverageData.CreateManualAsync(source, "移す手順");
        await using var target = await TestDatabase.CreateAsync(SqlEngine.Postgres);
        await CoverageData.CreateManualAsync(target, "残る手順");
        var before = await OperationsAssert.SummariesAsync(target);

        var refused = await Assert.ThrowsAsync<OperationRefusedException>(
            () => source.Services.GetRequiredService<PostgresMigration>().CopyAsync(target.PostgresConnectionString!, null, source.CancellationToken));

        Assert.Equal(OperationRefusal.TargetNotEmpty, refused.Reason);
        Assert.Equal(before, await OperationsAssert.SummariesAsync(target));
    }

    [Fact]
    public async Task CopyAsync_SourceIsPostgres_Refused()
    {
        await using var source = await TestDatabase.CreateAsync(SqlEngine.Postgres);

        var refused = await Assert.ThrowsAsync<OperationRefusedException>(
            () => source.Services.GetRequiredService<PostgresMigration>().CopyAsync(source.PostgresConnectionString!, null, source.CancellationToken));

        Assert.Equal(OperationRefusal.SourceNotSqlite, refused.Reason);
    }

    /// <summary>Both engines' migrations make the same tables with the same columns and keys; the catalogue reads them all.</summary>
    [Fact]
    public async Task TableCatalogue_BothEngines_SameTablesColumnsAndKeysInForeignKeyOrder()
    {
        await using var sqlite = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        await using var postgres = await TestDatabase.CreateAsync(SqlEngine.Postgres);

        var fromSqlite = await OperationsAssert.CatalogueAsync(sqlite);
        var fromPostgres = await OperationsAssert.CatalogueAsync(postgres);

        Assert.Equal(fromSqlite.Select(t => t.Name), fromPostgres.Select(t => t.Name));
        foreach (var (lite, pg) in fromSqlite.Zip(fromPostgres))
        {
            Assert.Equal(lite.Columns.Select(c => c.Name).Order(StringComparer.Ordinal), pg.Columns.Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.Equal(lite.PrimaryKey, pg.PrimaryKey);
        }

        Assert.True(await sqlite.TableExistsAsync("search_index_generation"));
        Assert.DoesNotContain(fromSqlite, t => TableCatalogue.DatabaseOwn.Contains(t.Name));
        var names = fromSqlite.Select(t => t.Name).ToList();
        Assert.True(names.IndexOf("users") < names.IndexOf("manuals") && names.IndexOf("manuals") < names.IndexOf("manual_revisions"));
    }
}
