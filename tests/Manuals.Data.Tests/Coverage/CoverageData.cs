using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Data.Accounts;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Coverage;

/// <summary>Test data for the coverage stores: tasks, employees, manuals and users in a <see cref="TestDatabase"/>.</summary>
internal static class CoverageData
{
    public const long Accounting = 1;
    public const long Hr = 2;

    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(9));

    public static BusinessTask Task(string name, long department = Accounting, params long[] manualIds) => new()
    {
        DepartmentId = department,
        Name = name,
        Description = name + "の説明",
        Frequency = TaskFrequency.Monthly,
        Timing = "毎月第5営業日",
        Criticality = TaskCriticality.High,
        ManualIds = manualIds,
    };

    public static Employee Employee(string name, long department = Accounting) => new()
    {
        Name = name,
        DepartmentId = department,
        Email = null,
        Status = EmployeeStatus.Active,
    };

    public static async Task<long> CreateTaskAsync(TestDatabase db, string name, long department = Accounting, params long[] manualIds) =>
        (await db.Services.GetRequiredService<IBusinessTaskStore>().CreateAsync(Task(name, department, manualIds), Monday, db.CancellationToken))!.Value;

    public static async Task<long> CreateEmployeeAsync(TestDatabase db, string name, long department = Accounting) =>
        (await db.Services.GetRequiredService<IEmployeeStore>().CreateAsync(Employee(name, department), Monday, db.CancellationToken))!.Value;

    public static Task<long> CreateManualAsync(TestDatabase db, string title, long department = Accounting) =>
        db.Services.GetRequiredService<IManualStore>().CreateAsync(
            new ManualDraft(title, department, ManualVisibility.Company, ManualStatus.Published, null, [], "## 目的\n", ""),
            new Author(null, "test"),
            null,
            Monday,
            db.CancellationToken);

    /// <summary>
    /// Inserts a user with the columns of the first migration only, so migration tests can seed a database that is
    /// several migrations old (the user store writes today's columns).
    /// </summary>
    public static async Task<long> CreateUserAsync(TestDatabase db, string userName, string displayName)
    {
        const string sql = """
            INSERT INTO users (user_name, normalized_user_name, display_name, security_stamp, concurrency_stamp, created_at)
            VALUES (@userName, @normalized, @displayName, @stamp, @stamp, @createdAt)
            RETURNING id
            """;
        var ids = await db.QueryAsync<long>(sql, new
        {
            userName,
            normalized = userName.ToUpperInvariant(),
            displayName,
            stamp = Guid.NewGuid().ToString("N"),
            createdAt = DateTimeOffset.UtcNow,
        });
        return ids.Single();
    }
}
