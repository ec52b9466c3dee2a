namespace Manuals.Data.Tests.Infrastructure;

/// <summary>Theory data: every store test runs once per engine.</summary>
public static class Engines
{
    public static TheoryData<SqlEngine> All => new() { SqlEngine.Sqlite, SqlEngine.Postgres };
}
