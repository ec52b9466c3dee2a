using Dapper;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Manuals.Web.Tests.Hosting;

/// <summary>Start-up stops with a clear Japanese message, and the database unchanged, when the database is not usable.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-startup-").FullName;

    [Fact]
    public async Task Start_MigrationFails_StopsWithMessageAndLeavesDatabaseAsItWas()
    {
        // A database someone else already put a `departments` table in: migration 0001 cannot create it.
        var database = Path.Combine(_directory, "manuals.db");
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.ExecuteAsync("CREATE TABLE departments (id INTEGER PRIMARY KEY, label TEXT)");
        }

        var (exitCode, _, errors) = await RunAppAsync(database);

        Assert.Equal(1, exitCode);
        Assert.Contains("起動を中止しました: データベースの移行に失敗しました。データベースは変更されていません。", errors, StringComparison.Ordinal);
        Assert.Contains("0001_initial", errors, StringComparison.Ordinal);
        await using var check = new SqliteConnection($"Data Source={database}");
        var tables = (await check.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).ToList();
        Assert.DoesNotContain("users", tables);
        Assert.DoesNotContain("manuals", tables);
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM departments"));
    }

    [Fact]
    public async Task Start_FileIsNotADatabase_StopsWithMessage()
    {
        var database = Path.Combine(_directory, "manuals.db");
        await File.WriteAllTextAsync(database, "これはデータベースではありません。This is not a database file at all, just text.");

        var (exitCode, _, errors) = await RunAppAsync(database);

        Assert.Equal(1, exitCode);
        Assert.Contains("起動を中止しました: データベースに接続できません。", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FreshDatabase_PrintsUrlAndOneTimeAdminPasswordThatSignsInAndMustBeChanged()
    {
        var database = Path.Combine(_directory, "manuals.db");
        using var process = AppProcess.Start([], new Dictionary<string, string>
        {
            ["ConnectionStrings__Manuals"] = $"Data Source={database}",
            ["Manuals__SamplesPath"] = Path.Combine(ManualsAppFactory.RepositoryRoot, "samples", "manuals"),
        });
        try
        {
            string? password = null;
            Uri? address = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (address is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Contains("パスワード:", StringComparison.Ordinal))
                {
                    password = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
                else if (line.StartsWith("業務マニュアルを起動しました: ", StringComparison.Ordinal))
                {
                    address = new Uri(line.Split(' ')[1]);
                }
            }

            Assert.NotNull(address);
            Assert.Equal("127.0.0.1", address.Host);
            Assert.Matches("^[A-Za-z0-9]{16}$", password);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
            var session = new WebSession(client);
            var signIn = await session.SubmitAsync("/account/sign-in", "form[action='/account/sign-in']",
                new() { ["UserName"] = "admin", ["Password"] = password! });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
            // The printed password has been on a screen: it must be replaced before anything else.
            var (blocked, _) = await session.GetAsync("/manuals");
            Assert.Equal("/account/password", blocked.Headers.Location?.OriginalString);
            var changed = await session.SubmitAsync("/account/password", "form[action='/account/password']", new()
            {
                ["CurrentPassword"] = password!,
                ["NewPassword"] = "the-admins-own-passphrase",
                ["ConfirmPassword"] = "the-admins-own-passphrase",
            });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, changed.StatusCode);
            var (_, list) = await session.GetAsync("/manuals");
            Assert.Contains("月次決算の手順", list.Body!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunAppAsync(string database) =>
        AppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ConnectionStrings__Manuals"] = $"Data Source={database}",
            ["Storage__Provider"] = "Sqlite",
        });
}
