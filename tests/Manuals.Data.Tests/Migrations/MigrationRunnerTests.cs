using Manuals.Data.Migrations;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Manuals.Data.Tests.Migrations;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class MigrationRunnerTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AppliedVersionsAsync_BeforeAndAfterMigrating_NoneThenEveryKnownOne(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var runner = new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance);

        var before = await runner.AppliedVersionsAsync(db.CancellationToken);
        await runner.MigrateAsync(db.CancellationToken);

        Assert.Empty(before);
        Assert.Equal(runner.Known.Select(m => m.Version), await runner.AppliedVersionsAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryEmbeddedMigrationAndRecordsIt(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var embedded = MigrationRunner.LoadEmbedded(engine);
        var runner = new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance);

        var applied = await runner.MigrateAsync(db.CancellationToken);

        Assert.NotEmpty(embedded);
        Assert.Equal(embedded.Count, applied);
        var recorded = await db.QueryAsync<(long Version, string Name)>("SELECT version, name FROM schema_version ORDER BY version");
        Assert.Equal(embedded.Select(m => ((long)m.Version, m.Name)), recorded);
        Assert.True(await db.TableExistsAsync("manuals"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_AlreadyMigrated_AppliesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var runner = new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance);

        var applied = await runner.MigrateAsync(db.CancellationToken);

        Assert.Equal(0, applied);
        var recorded = await db.QueryAsync<long>("SELECT COUNT(*) FROM schema_version");
        Assert.Equal(MigrationRunner.LoadEmbedded(engine).Count, recorded.Single());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_ScriptFailsAfterAValidStatement_ThrowsAndLeavesNoTraceOfThatScript(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        Migration[] migrations =
        [
            new(1, "kept", "CREATE TABLE kept (id integer PRIMARY KEY);"),
            new(2, "broken", "CREATE TABLE doomed (id integer PRIMARY KEY);\nINSERT INTO no_such_table (id) VALUES (1);"),
            new(3, "never_reached", "CREATE TABLE never_reached (id integer PRIMARY KEY);"),
        ];
        var runner = new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance, migrations);

        var exception = await Assert.ThrowsAsync<MigrationException>(() => runner.MigrateAsync(db.CancellationToken));

        Assert.Contains("0002_broken", exception.Message, StringComparison.Ordinal);
        Assert.True(await db.TableExistsAsync("kept"));
        Assert.False(await db.TableExistsAsync("doomed"));
        Assert.False(await db.TableExistsAsync("never_reached"));
        var recorded = await db.QueryAsync<long>("SELECT version FROM schema_version ORDER BY version");
        Assert.Equal([1L], recorded);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_AfterFixingAFailedScript_AppliesTheRest(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var kept = new Migration(1, "kept", "CREATE TABLE kept (id integer PRIMARY KEY);");
        var broken = new MigrationRunner(
            db.Connections,
            NullLogger<MigrationRunner>.Instance,
            [kept, new(2, "second", "CREATE TABLE second (id integer PRIMARY KEY);\nSELECT nonsense FROM nowhere;")]);
        await Assert.ThrowsAsync<MigrationException>(() => broken.MigrateAsync(db.CancellationToken));
        var fixedRunner = new MigrationRunner(
            db.Connections,
            NullLogger<MigrationRunner>.Instance,
            [kept, new(2, "second", "CREATE TABLE second (id integer PRIMARY KEY);")]);

        var applied = await fixedRunner.MigrateAsync(db.CancellationToken);

        Assert.Equal(1, applied);
        Assert.True(await db.TableExistsAsync("second"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_FourNodesStartingAtOnce_ApplyEachMigrationExactlyOnce(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var runners = Enumerable.Range(0, 4).Select(_ => new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance));

        var applied = await Task.WhenAll(runners.Select(r => Task.Run(() => r.MigrateAsync(db.CancellationToken))));

        Assert.Equal(MigrationRunner.LoadEmbedded(engine).Count, applied.Sum());
        var recorded = await db.QueryAsync<long>("SELECT COUNT(*) FROM schema_version");
        Assert.Equal(MigrationRunner.LoadEmbedded(engine).Count, recorded.Single());
    }
}
