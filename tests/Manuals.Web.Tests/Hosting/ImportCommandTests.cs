using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Data;
using Manuals.Data.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Hosting;

/// <summary>
/// Runs the built app as a user would — <c>Manuals.Web import &lt;folder&gt;</c> in its own process — and checks the
/// report and the database.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-import-").FullName;

    [Fact]
    public async Task Import_FolderWithBadFiles_ImportsGoodOnesAndNamesEachRefusal()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "good.md"), "---\ntitle: 名刺の発注\ndepartment: 総務\nstatus: 公開\n---\n## 手順\n1. 申請します。\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "unknown-department.md"), "---\ntitle: 営業日報\ndepartment: 営業部\n---\n本文\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "no-front-matter.md"), "# ただのメモ\n");
        await File.WriteAllBytesAsync(Path.Combine(folder, "shift-jis.md"), [.. "---\ntitle: "u8.ToArray(), 0x8C, 0x6F, 0x97, 0x9D, .. "\n---\n"u8.ToArray()]);
        var database = Path.Combine(_directory, "manuals.db");

        var (exitCode, output, errors) = await RunAsync("import", folder, database);

        Assert.Equal(1, exitCode);
        Assert.Contains("取り込みました: good.md（名刺の発注）", output, StringComparison.Ordinal);
        Assert.Contains("1 件を取り込み、3 件を取り込みませんでした。", output, StringComparison.Ordinal);
        Assert.Contains("unknown-department.md — 部署「営業部」は登録されていません。", errors, StringComparison.Ordinal);
        Assert.Contains("no-front-matter.md — 先頭に front matter", errors, StringComparison.Ordinal);
        Assert.Contains("shift-jis.md — 文字コードが UTF-8 ではありません。", errors, StringComparison.Ordinal);
        var titles = (await StoreFor(database).ListAsync(null, CancellationToken.None)).Select(m => m.Title).ToList();
        Assert.Equal(["名刺の発注"], titles);
    }

    [Fact]
    public async Task Import_SamplesTwice_SecondRunCreatesNoDuplicates()
    {
        var samples = Path.Combine(ManualsAppFactory.RepositoryRoot, "samples", "manuals");
        var database = Path.Combine(_directory, "manuals.db");

        var (first, firstOutput, _) = await RunAsync("import", samples, database);
        var (second, _, secondErrors) = await RunAsync("import", samples, database);

        Assert.True(first == 0, firstOutput);
        Assert.Equal(1, second);
        Assert.Contains("すでにあります", secondErrors, StringComparison.Ordinal);
        var count = await StoreFor(database).CountAsync(CancellationToken.None);
        Assert.Equal(Directory.GetFiles(samples, "*.md").Length, count);
    }

    [Fact]
    public async Task Import_Folder_OneAuditEntryByTheCommandLine()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "audited")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "good.md"), "---\ntitle: 監査ログの確認\ndepartment: 総務\n---\n## 手順\n1. 確認します。\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.md"), "# front matter なし\n");
        var database = Path.Combine(_directory, "manuals.db");

        var (exitCode, _, _) = await RunAsync("import", folder, database);

        Assert.Equal(1, exitCode);
        var entries = (await ServicesFor(database).GetRequiredService<IAuditLog>()
            .ListAsync(AuditFilter.None, new AuditPageRequest(), CancellationToken.None)).Entries;
        var entry = Assert.Single(entries);
        Assert.Equal((AuditAction.Import, AuditOutcome.Failure), (entry.Action, entry.Outcome));
        Assert.Null(entry.ActorUserId);
        Assert.Equal("コマンドライン", entry.ActorName);
        Assert.Equal((AuditTargetType.File, folder), (entry.TargetType, entry.TargetName));
        Assert.Equal("1 件を取り込み、1 件を取り込みませんでした", entry.Detail);
        Assert.Null(entry.ClientAddress);
    }

    [Fact]
    public async Task Import_MissingFolder_ExitsWithMessage()
    {
        var (exitCode, _, errors) = await RunAsync("import", Path.Combine(_directory, "nope"), Path.Combine(_directory, "manuals.db"));

        Assert.Equal(2, exitCode);
        Assert.Contains("フォルダが見つかりません", errors, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static ManualStore StoreFor(string database) => (ManualStore)ServicesFor(database).GetRequiredService<IManualStore>();

    private static ServiceProvider ServicesFor(string database)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDbConnectionFactory>(new SqliteConnectionFactory($"Data Source={database}"));
        services.AddManualsStores();
        return services.BuildServiceProvider();
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunAsync(string command, string folder, string database) =>
        AppProcess.RunAsync([command, folder], new Dictionary<string, string>
        {
            ["ConnectionStrings__Manuals"] = $"Data Source={database}",
            ["Storage__Provider"] = "Sqlite",
        });
}
