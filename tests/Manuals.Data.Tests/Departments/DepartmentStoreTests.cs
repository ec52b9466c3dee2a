using Manuals.Core.Departments;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Departments;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class DepartmentStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_FreshDatabase_ReturnsTheSevenSeededDepartmentsInOrder(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<IDepartmentStore>();

        var departments = await store.ListAsync(db.CancellationToken);

        Department[] expected =
        [
            new(1, "経理・財務", 1),
            new(2, "人事・労務", 2),
            new(3, "総務", 3),
            new(4, "法務", 4),
            new(5, "情報システム", 5),
            new(6, "広報", 6),
            new(7, "一般事務", 7),
        ];
        Assert.Equal(expected, departments);
    }
}
