namespace Manuals.Benchmarks.Load;

/// <summary>
/// The size of the generated installation. Issue #18 names the full size (100,000 manuals, 5,000 employees in 40
/// departments, 10,000 tasks, 200 handovers); a smaller <c>--manuals</c> scales everything but the departments with it,
/// so a quick run keeps the same shape.
/// </summary>
internal sealed record LoadScale(int Manuals, int Departments, int Employees, int Tasks, int Handovers, int Images)
{
    public const int FullManuals = 100_000;

    public static LoadScale For(int manuals) => new(
        manuals,
        Departments: 40,
        Employees: Math.Max(80, (int)(5_000L * manuals / FullManuals)),
        Tasks: Math.Max(80, (int)(10_000L * manuals / FullManuals)),
        Handovers: Math.Max(10, (int)(200L * manuals / FullManuals)),
        Images: Math.Clamp(manuals / 330, 20, 300));

    public override string ToString() =>
        $"{Manuals:N0} manuals, {Departments} departments, {Employees:N0} employees, {Tasks:N0} tasks, {Handovers:N0} handovers, {Images:N0} images";
}
