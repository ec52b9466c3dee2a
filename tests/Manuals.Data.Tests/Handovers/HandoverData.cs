using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Data.Tests.Coverage;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Handovers;

/// <summary>Test data for the handover store: handovers, items, events and plans built by hand.</summary>
internal static class HandoverData
{
    public const string Manager = "部長 一郎";

    public static readonly DateTimeOffset Now = CoverageData.Monday;

    public static Handover Handover(long employeeId, IReadOnlyList<HandoverItem> items, long departmentId = CoverageData.Accounting) => new()
    {
        EmployeeId = employeeId,
        DepartmentId = departmentId,
        Reason = HandoverReason.Transfer,
        EffectiveDate = new DateOnly(2026, 12, 1),
        ManagerName = Manager,
        Note = "4月から営業部へ",
        Status = HandoverStatus.InProgress,
        Version = 1,
        CreatedByName = Manager,
        CreatedAt = Now,
        UpdatedAt = Now,
        Items = items,
        CommonItems = Enum.GetValues<CommonItemKind>().Select(k => new HandoverCommonItem(k, "", false)).ToList(),
    };

    public static HandoverItem Item(long taskId, long? successorId, HandoverChecks checks = HandoverChecks.None) => new()
    {
        TaskId = taskId,
        Basis = HandoverItemBasis.Primary,
        SuccessorId = successorId,
        Checks = checks,
    };

    public static HandoverEvent Event(HandoverEventKind kind, params string[] args) => new(kind, args, Manager, Now);

    /// <summary>A plan that changes nothing but the handover's status.</summary>
    public static HandoverCompletionPlan EmptyPlan() => new([], [], null, new DateOnly(2026, 12, 1), [], [], 0);

    public static async Task<long> CreateAsync(TestDatabase db, Handover handover) =>
        await db.Services.GetRequiredService<IHandoverStore>().CreateAsync(handover, Event(HandoverEventKind.Started), db.CancellationToken);

    public static async Task<long> CreateEmployeeWithUserAsync(TestDatabase db, string name, long? userId, long department = CoverageData.Accounting)
    {
        var employee = CoverageData.Employee(name, department);
        employee.UserId = userId;
        return (await db.Services.GetRequiredService<IEmployeeStore>().CreateAsync(employee, Now, db.CancellationToken))!.Value;
    }
}
