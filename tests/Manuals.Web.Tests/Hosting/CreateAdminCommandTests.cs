using System.Text.RegularExpressions;
using Manuals.Core.Audit;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Hosting;

/// <summary><c>create-admin</c> run as its own process against the database a node then serves.</summary>
public sealed partial class CreateAdminCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-create-admin-").FullName;

    [Fact]
    public async Task CreateAdmin_GeneratedPassword_SignsInAfterReplacingItAndIsAudited()
    {
        var (exitCode, output, errors) = await RunAsync([], "create-admin", "sato", "--display-name", "佐藤 一郎");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("管理者ユーザー「sato」（佐藤 一郎）を作成しました。", output, StringComparison.Ordinal);
        var password = GeneratedPassword().Match(output).Groups[1].Value;
        Assert.NotEmpty(password);
        await using var node = await AppNode.StartAsync(Settings());
        // A generated password has been on a screen: the first sign-in must replace it.
        var session = await node.SignInAsync("sato", password, newPassword: "a-new-password-for-sato");
        var (_, users) = await session.GetAsync("/admin/users");
        Assert.Contains("佐藤 一郎", users.Body!.TextContent, StringComparison.Ordinal);
        var entries = (await TestData.ForSqlite(Database).GetRequiredService<IAuditLog>()
            .ListAsync(AuditFilter.None, new AuditPageRequest(), CancellationToken.None)).Entries;
        var created = Assert.Single(entries, e => e.Action == AuditAction.UserCreated);
        Assert.Equal(("コマンドライン", "sato"), (created.ActorName, created.TargetName));
    }

    [Fact]
    public async Task CreateAdmin_TakenName_IsRefusedWith3()
    {
        var environment = new Dictionary<string, string> { ["MANUALS_ADMIN_PASSWORD"] = "chosen-password-1234" };
        var (first, _, _) = await RunAsync(environment, "create-admin", "suzuki");

        var (second, output, errors) = await RunAsync(environment, "create-admin", "suzuki");

        Assert.Equal(0, first);
        Assert.Equal(3, second);
        Assert.Contains("ユーザー名「suzuki」はすでに使われています。", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("パスワード", output, StringComparison.Ordinal);
        await using var node = await AppNode.StartAsync(Settings());
        // A password the operator chose need not be replaced.
        await node.SignInAsync("suzuki", "chosen-password-1234");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Database => Path.Combine(_directory, "manuals.db");

    private Dictionary<string, string> Settings() =>
        AppNode.Settings("Sqlite", $"Data Source={Database}", Path.Combine(_directory, "index"));

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var settings = Settings();
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        return AppProcess.RunAsync(arguments, settings);
    }

    [GeneratedRegex("パスワード: (\\S+)（")]
    private static partial Regex GeneratedPassword();
}
