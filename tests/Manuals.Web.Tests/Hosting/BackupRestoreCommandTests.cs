using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Hosting;

/// <summary><c>backup</c> and <c>restore</c> as an operator runs them: progress, the data back, refusals with exit code 3.</summary>
public sealed class BackupRestoreCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-backup-").FullName;

    [Fact]
    public async Task BackupThenRestore_IntoAnEmptyDatabase_BringsTheDataBack()
    {
        var source = await DatabaseWithOneManualAsync();
        var file = Path.Combine(_directory, "manuals-backup.zip");
        var target = Path.Combine(_directory, "restored.db");

        var (backedUp, backupOutput, backupErrors) = await RunAsync(source, "backup", file);
        var (restored, restoreOutput, restoreErrors) = await RunAsync(target, "restore", file);

        Assert.True(backedUp == 0, backupErrors);
        Assert.Contains("バックアップを書き出しています", backupOutput, StringComparison.Ordinal);
        Assert.Contains($"バックアップを作成しました: {file}", backupOutput, StringComparison.Ordinal);
        Assert.True(restored == 0, restoreErrors);
        Assert.Contains("バックアップ: ", restoreOutput, StringComparison.Ordinal);
        Assert.Contains("バックアップを戻しています", restoreOutput, StringComparison.Ordinal);
        Assert.Contains("バックアップを戻しました", restoreOutput, StringComparison.Ordinal);
        await using var services = TestData.ForSqlite(target);
        var titles = (await services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Select(m => m.Title);
        Assert.Equal(["名刺の発注"], titles);
    }

    [Fact]
    public async Task BackupAndRestore_Refusals_Exit3WithTheReasonInJapanese()
    {
        var database = await DatabaseWithOneManualAsync();
        var file = Path.Combine(_directory, "manuals-backup.zip");
        var notABackup = Path.Combine(_directory, "notes.txt");
        await File.WriteAllTextAsync(notABackup, "これはバックアップではありません");
        Assert.Equal(0, (await RunAsync(database, "backup", file)).ExitCode);

        var (again, _, againErrors) = await RunAsync(database, "backup", file);
        var (intoFull, _, intoFullErrors) = await RunAsync(database, "restore", file);
        var (wrongFile, _, wrongFileErrors) = await RunAsync(database, "restore", notABackup);
        var (forced, _, forcedErrors) = await RunAsync(database, "restore", file, "--force");

        Assert.Equal(3, again);
        Assert.Contains($"対象が空ではないため、何も変更せずに中止しました（{file}）", againErrors, StringComparison.Ordinal);
        Assert.Equal(3, intoFull);
        Assert.Contains("--force を付けて実行してください", intoFullErrors, StringComparison.Ordinal);
        Assert.Equal(3, wrongFile);
        Assert.Contains("このアプリのバックアップファイルではありません", wrongFileErrors, StringComparison.Ordinal);
        Assert.True(forced == 0, forcedErrors);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string> DatabaseWithOneManualAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "card.md"), "---\ntitle: 名刺の発注\ndepartment: 総務\nstatus: 公開\n---\n## 手順\n1. 申請します。\n");
        var database = Path.Combine(_directory, "manuals.db");
        Assert.Equal(0, (await RunAsync(database, "import", folder)).ExitCode);
        return database;
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(string database, params string[] arguments) =>
        AppProcess.RunAsync(arguments, new Dictionary<string, string>
        {
            ["ConnectionStrings__Manuals"] = $"Data Source={database}",
            ["Storage__Provider"] = "Sqlite",
            ["Search__IndexPath"] = Path.Combine(_directory, "index"),
        });
}
