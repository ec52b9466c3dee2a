namespace Manuals.Core.Coverage;

/// <summary>Reads a <see cref="CoverageSnapshot"/> of the whole company: at this size (hundreds of tasks) one read is cheaper than many.</summary>
public sealed class CoverageReader(IBusinessTaskStore tasks, IEmployeeStore employees, ISkillMatrixStore matrix, ManualFactsReader manuals)
{
    public async Task<CoverageSnapshot> ReadAsync(CancellationToken cancellationToken) =>
        new(
            await tasks.ListAsync(null, cancellationToken),
            await employees.ListAsync(null, cancellationToken),
            await matrix.ListCellsAsync(null, cancellationToken),
            await manuals.ReadAsync(cancellationToken));
}
