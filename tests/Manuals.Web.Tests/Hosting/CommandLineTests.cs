using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Hosting;

/// <summary>The admin command line as a whole: its help in both languages and its answer to a wrong command line.</summary>
public sealed class CommandLineTests : IDisposable
{
    private static readonly string[] Commands = ["import", "reindex", "backup", "restore", "migrate-to-postgres", "create-admin", "check"];

    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-cli-").FullName;

    [Fact]
    public async Task Help_Japanese_ListsEveryCommandAndTheExitCodes()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("管理コマンドです", output, StringComparison.Ordinal);
        Assert.All(Commands, command => Assert.Contains("  " + command, output, StringComparison.Ordinal));
        Assert.Contains("終了コード:", output, StringComparison.Ordinal);
        Assert.Contains("3  実行を断りました", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_English_ListsEveryCommandInEnglish()
    {
        var (exitCode, output, _) = await RunAsync("--help", "--lang", "en");

        Assert.Equal(0, exitCode);
        Assert.Contains("Admin commands of Manuals", output, StringComparison.Ordinal);
        Assert.All(Commands, command => Assert.Contains("  " + command, output, StringComparison.Ordinal));
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", output);
    }

    [Fact]
    public async Task Help_OfOneCommand_DescribesItsArgumentAndOptions()
    {
        var (exitCode, output, _) = await RunAsync("create-admin", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("<user-name>", output, StringComparison.Ordinal);
        Assert.Contains("サインインに使うユーザー名", output, StringComparison.Ordinal);
        Assert.Contains("--display-name", output, StringComparison.Ordinal);
        Assert.Contains("--password-stdin", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWith2AndSaysSoInJapanese()
    {
        var (exitCode, _, errors) = await RunAsync("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("コマンドラインが正しくありません。", errors, StringComparison.Ordinal);
        Assert.Contains("frobnicate", errors, StringComparison.Ordinal);
        Assert.Contains("-- --help", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingArgument_ExitsWith2AndNamesIt()
    {
        var (exitCode, _, errors) = await RunAsync("create-admin");

        Assert.Equal(2, exitCode);
        Assert.Contains("コマンドラインが正しくありません。", errors, StringComparison.Ordinal);
        Assert.Contains("user-name", errors, StringComparison.Ordinal);
        Assert.Contains("create-admin --help", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateToPostgres_WithoutTarget_Exits2_AndToAnotherEngine_IsRefusedWith3()
    {
        var (missing, _, missingErrors) = await RunAsync("migrate-to-postgres");
        var (refused, _, refusedErrors) = await RunAsync("migrate-to-postgres", "--to", "Data Source=elsewhere.db");

        Assert.Equal(2, missing);
        Assert.Contains("--to", missingErrors, StringComparison.Ordinal);
        Assert.Equal(3, refused);
        Assert.Contains("移行先の接続文字列で PostgreSQL に接続できません", refusedErrors, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        AppProcess.RunAsync(arguments, new Dictionary<string, string>
        {
            ["ConnectionStrings__Manuals"] = $"Data Source={Path.Combine(_directory, "manuals.db")}",
            ["Storage__Provider"] = "Sqlite",
        });
}
