using Manuals.Core.Departments;

namespace Manuals.Core.Manuals.Import;

/// <summary>
/// Imports a folder of Markdown manuals (<c>*.md</c>, front matter as <see cref="ManualFileParser"/> reads it).
/// A file is imported whole or not at all; a refused file is reported with its name and reason. A file whose
/// title already exists in the same department is refused, so importing a folder twice creates no duplicates.
/// Imported revisions have no author user; their author name is the file name.
/// </summary>
public sealed class ManualImporter(IManualStore manuals, IDepartmentStore departments, TimeProvider clock)
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>Imports every manual file of <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder of <c>*.md</c> files.</param>
    /// <param name="cancellationToken">Cancels the import between files.</param>
    /// <param name="datesAsOf">
    /// For sample manuals: the day their <c>reviewed</c> dates were written as of. Each is moved forward by the days since
    /// then, so the samples show the same picture (which manuals are current, which are due for review) on any day.
    /// </param>
    public async Task<ImportReport> ImportFolderAsync(string folder, CancellationToken cancellationToken, DateOnly? datesAsOf = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(folder);
        }

        var knownDepartments = await departments.ListAsync(cancellationToken);
        var existing = (await manuals.ListAsync(null, cancellationToken))
            .Select(m => (m.DepartmentId, m.Title))
            .ToHashSet();
        // Dates without a time are days in Japan.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Japan).DateTime);
        var shiftDays = datesAsOf is { } asOf ? Math.Max(0, today.DayNumber - asOf.DayNumber) : 0;
        var imported = new List<ImportedManual>();
        var refused = new List<ImportProblem>();

        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            if (string.Equals(fileName, "README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (parsed, problem) = ManualFileParser.Parse(fileName, await File.ReadAllBytesAsync(path, cancellationToken), knownDepartments);
            if (parsed is null)
            {
                refused.Add(problem!);
                continue;
            }

            var draft = parsed.Draft;
            if (!existing.Add((draft.DepartmentId, draft.Title)))
            {
                refused.Add(new ImportProblem(fileName, "Duplicate", draft.Title));
                continue;
            }

            var id = await manuals.CreateAsync(draft, new Author(null, fileName), null, clock.GetUtcNow(), cancellationToken);
            if (parsed.ReviewIntervalDays is { } interval)
            {
                await manuals.UpdateSettingsAsync(id, null, interval, cancellationToken);
            }

            if (parsed.ReviewedOn is { } reviewedOn)
            {
                // A date without a time is read as the start of that day in Japan.
                var reviewedAt = new DateTimeOffset(reviewedOn.AddDays(shiftDays).ToDateTime(TimeOnly.MinValue), Japan);
                await manuals.MarkReviewedAsync(id, null, reviewedAt, cancellationToken);
            }

            imported.Add(new ImportedManual(fileName, id, draft.Title));
        }

        return new ImportReport(imported, refused);
    }
}
