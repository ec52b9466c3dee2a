using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Manuals;

/// <summary>
/// Sample manuals keep their picture on any day: their <c>reviewed</c> dates move forward by the days since the day they
/// were written as of, so a manual current then is current now and one overdue then is overdue now.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class ManualImporterTests
{
    private const string File = """
        ---
        title: 給与計算の手順
        department: 人事・労務
        status: 公開
        reviewed: 2026-10-01
        ---
        ## 目的
        毎月の給与を計算します。
        """;

    // 2027-01-31 09:30 in Japan: 61 days after 2026-12-01.
    private static readonly DateTimeOffset Now = new(2027, 1, 31, 0, 30, 0, TimeSpan.Zero);

    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportFolderAsync_DatesAsOf_MovesReviewedByTheDaysSince(SqlEngine engine)
    {
        var reviewedAt = await ImportAndReadReviewedAsync(engine, new DateOnly(2026, 12, 1));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Japan), reviewedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportFolderAsync_NoDatesAsOf_KeepsReviewedAsWritten(SqlEngine engine)
    {
        var reviewedAt = await ImportAndReadReviewedAsync(engine, datesAsOf: null);

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, Japan), reviewedAt);
    }

    /// <summary>Imports <see cref="File"/> at <see cref="Now"/> and reads back when the manual counts as reviewed.</summary>
    private static async Task<DateTimeOffset?> ImportAndReadReviewedAsync(SqlEngine engine, DateOnly? datesAsOf)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var folder = Directory.CreateTempSubdirectory("manuals-import-").FullName;
        try
        {
            await System.IO.File.WriteAllTextAsync(Path.Combine(folder, "payroll.md"), File, db.CancellationToken);
            var manuals = db.Services.GetRequiredService<IManualStore>();
            var importer = new ManualImporter(manuals, db.Services.GetRequiredService<IDepartmentStore>(), new SettableClock(Now));

            var report = await importer.ImportFolderAsync(folder, db.CancellationToken, datesAsOf);

            return (await manuals.FindAsync(Assert.Single(report.Imported).ManualId, db.CancellationToken))!.ReviewedAt;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
