using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Manuals.Core.Accounts;
using Manuals.Core.Search;
using Manuals.Data.Operations;
using Manuals.Data.Tests.Coverage;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Operations;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class DatabaseBackupTests : IDisposable
{
    private static readonly Viewer Admin = new(0, new HashSet<string> { Roles.Admin }, new HashSet<long>());

    /// <summary>The tables the issue names: manuals, revisions, images, templates, tasks, matrix cells, handovers, audit entries.</summary>
    private static readonly string[] Compared =
        ["manuals", "manual_revisions", "images", "step_templates", "business_tasks", "skill_cells", "handovers", "audit_log"];

    private readonly string _folder = Directory.CreateTempSubdirectory("manuals-backup-test-").FullName;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RestoreAsync_BackupMadeWhileSaving_RestoresTheSnapshotRowForRowAndSearchRebuildsFromIt(SqlEngine engine)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await OperationsData.FillAsync(source);
        var file = Path.Combine(_folder, "manuals-backup.zip");
        var saved = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await CoverageData.CreateManualAsync(source, $"保存中の手順 {saved + 1}");
                Interlocked.Increment(ref saved);
            }
        });
        await UntilAsync(() => Volatile.Read(ref saved) >= 3);

        var manifest = await source.Services.GetRequiredService<DatabaseBackup>().CreateAsync(file, null, source.CancellationToken);

        var savedAtBackup = Volatile.Read(ref saved);
        await UntilAsync(() => Volatile.Read(ref saved) >= savedAtBackup + 3);
        await stop.CancelAsync();
        await writer;

        await using var target = await TestDatabase.CreateAsync(engine, migrate: false);
        var restored = await target.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(file, overwrite: false, null, target.CancellationToken);

        Assert.Equal(manifest, restored, ManifestComparer);
        Assert.Equal(manifest.Tables, await OperationsAssert.SummariesAsync(target));
        Assert.All(manifest.Tables.Where(t => t.Table != "search_journal"), t => Assert.True(t.Rows > 0, $"{t.Table} is empty in the test data"));
        foreach (var table in Compared)
        {
            var sourceRows = await OperationsAssert.RowsAsync(source, table);
            var targetRows = await OperationsAssert.RowsAsync(target, table);
            Assert.NotEmpty(targetRows);
            Assert.All(targetRows, row => Assert.Equal(sourceRows[row.Key], row.Value));
        }

        // Saves went on during the backup: some are in it, the later ones are not.
        var savedInBackup = (await target.QueryAsync<long>("SELECT COUNT(*) FROM manuals WHERE title LIKE '保存中の手順%'")).Single();
        var savedInSource = (await source.QueryAsync<long>("SELECT COUNT(*) FROM manuals WHERE title LIKE '保存中の手順%'")).Single();
        Assert.InRange(savedInBackup, 3, savedInSource - 3);

        var index = target.Services.GetRequiredService<ISearchIndex>();
        await index.WaitForSavesAsync(target.CancellationToken);
        var page = await index.SearchAsync(SearchQueryParser.Parse("保存中の手順", []), SearchFilters.None, SearchSort.Relevance, 0, 20, Admin, target.CancellationToken);
        Assert.Equal(savedInBackup, page.Total);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RestoreAsync_TargetHoldsData_RefusedUnlessOverwriteThenReplacedAuditLogIncluded(SqlEngine engine)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await OperationsData.FillAsync(source);
        var file = Path.Combine(_folder, "backup.zip");
        var manifest = await source.Services.GetRequiredService<DatabaseBackup>().CreateAsync(file, null, source.CancellationToken);
        await using var target = await TestDatabase.CreateAsync(engine);
        await CoverageData.CreateManualAsync(target, "上書きされる手順");
        await target.QueryAsync<long>(
            "INSERT INTO audit_log (occurred_at, actor_name, action, outcome) VALUES (@at, 'x', 'sign-in', 'success')", new { at = OperationsData.Now });
        var backup = target.Services.GetRequiredService<DatabaseBackup>();

        var refused = await Assert.ThrowsAsync<OperationRefusedException>(() => backup.RestoreAsync(file, overwrite: false, null, target.CancellationToken));
        Assert.Equal(OperationRefusal.TargetNotEmpty, refused.Reason);
        Assert.Contains("manuals", refused.Detail, StringComparison.Ordinal);

        await backup.RestoreAsync(file, overwrite: true, null, target.CancellationToken);
        Assert.Equal(manifest.Tables, await OperationsAssert.SummariesAsync(target));
    }

    [Fact]
    public async Task CreateAsync_FileExists_Refused()
    {
        await using var db = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        var file = Path.Combine(_folder, "exists.zip");
        await File.WriteAllTextAsync(file, "keep me");

        var refused = await Assert.ThrowsAsync<OperationRefusedException>(
            () => db.Services.GetRequiredService<DatabaseBackup>().CreateAsync(file, null, db.CancellationToken));

        Assert.Equal(OperationRefusal.TargetNotEmpty, refused.Reason);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task RestoreAsync_DamagedOrForeignFiles_RefusedWithTheReasonAndTheDatabaseUntouched()
    {
        await using var source = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        await CoverageData.CreateManualAsync(source, "元の手順");
        var good = Path.Combine(_folder, "good.zip");
        await source.Services.GetRequiredService<DatabaseBackup>().CreateAsync(good, null, source.CancellationToken);

        var notZip = Path.Combine(_folder, "notes.zip");
        await File.WriteAllTextAsync(notZip, "これはバックアップではありません");
        var noManifest = Rewrite(good, "no-manifest.zip", (name, _) => name == DatabaseBackup.ManifestEntry ? null : _);
        var damaged = Rewrite(good, "damaged.zip", (name, bytes) => name == DatabaseBackup.ManifestEntry ? bytes : Flip(bytes));
        var newer = Rewrite(good, "newer.zip", (name, bytes) => name == DatabaseBackup.ManifestEntry ? WithSchema(bytes, "9999") : bytes);
        var garbled = Rewrite(good, "garbled.zip", (name, bytes) => name == DatabaseBackup.ManifestEntry ? "{ \"formatVersion\": "u8.ToArray() : bytes);

        await using var target = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        var before = await OperationsAssert.SummariesAsync(target);
        var backup = target.Services.GetRequiredService<DatabaseBackup>();
        foreach (var (file, reason) in new[]
        {
            (notZip, OperationRefusal.NotABackup),
            (noManifest, OperationRefusal.NotABackup),
            (damaged, OperationRefusal.PayloadChecksumMismatch),
            (newer, OperationRefusal.SchemaNewerThanApp),
            (garbled, OperationRefusal.ManifestInvalid),
        })
        {
            var refused = await Assert.ThrowsAsync<OperationRefusedException>(() => backup.RestoreAsync(file, overwrite: true, null, target.CancellationToken));
            Assert.Equal(reason, refused.Reason);
        }

        Assert.Equal(before, await OperationsAssert.SummariesAsync(target));
    }

    [Fact]
    public async Task RestoreAsync_BackupOfTheOtherEngine_Refused()
    {
        await using var source = await TestDatabase.CreateAsync(SqlEngine.Sqlite);
        var file = Path.Combine(_folder, "sqlite.zip");
        await source.Services.GetRequiredService<DatabaseBackup>().CreateAsync(file, null, source.CancellationToken);
        await using var target = await TestDatabase.CreateAsync(SqlEngine.Postgres, migrate: false);

        var refused = await Assert.ThrowsAsync<OperationRefusedException>(
            () => target.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(file, overwrite: false, null, target.CancellationToken));

        Assert.Equal(OperationRefusal.EngineMismatch, refused.Reason);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly ManifestEquality ManifestComparer = new();

    private string Rewrite(string from, string name, Func<string, byte[], byte[]?> change)
    {
        var path = Path.Combine(_folder, name);
        using var input = ZipFile.OpenRead(from);
        using var output = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var entry in input.Entries)
        {
            using var memory = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(memory);
            }

            if (change(entry.FullName, memory.ToArray()) is { } bytes)
            {
                using var target = output.CreateEntry(entry.FullName).Open();
                target.Write(bytes);
            }
        }

        return path;
    }

    private static byte[] Flip(byte[] bytes)
    {
        var copy = bytes.ToArray();
        copy[copy.Length / 2] ^= 0xFF;
        return copy;
    }

    private static byte[] WithSchema(byte[] manifest, string schema)
    {
        var json = JsonNode.Parse(manifest)!;
        json["schemaVersion"] = schema;
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The writer did not save in time.");
            await Task.Delay(10);
        }
    }

    /// <summary>Manifests are records holding a list: equal when their values and their tables are.</summary>
    private sealed class ManifestEquality : IEqualityComparer<BackupManifest>
    {
        public bool Equals(BackupManifest? x, BackupManifest? y) =>
            x is not null && y is not null && x with { Tables = [] } == y with { Tables = [] } && x.Tables.SequenceEqual(y.Tables);

        public int GetHashCode(BackupManifest obj) => obj.PayloadSha256.GetHashCode(StringComparison.Ordinal);
    }
}
