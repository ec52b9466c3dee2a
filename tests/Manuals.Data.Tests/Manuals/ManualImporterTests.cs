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

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportFolderAsync_DatesAsOf_MovesReviewedByTheDaysSince(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        using var folder = new TempFolder();
        await System.IO.File.WriteAllTextAsync(Path.Combine(folder.Path, "payroll.md"), File, db.CancellationToken);
        // 2027-01-31 09:30 in Japan: 61 days after 2026-12-01.
        var clock = new FixedClock(new DateTimeOffset(2027, 1, 31, 0, 30, 0, TimeSpan.Zero));
        var importer = new ManualImporter(
            db.Services.GetRequiredService<IManualStore>(), db.Services.GetRequiredService<IDepartmentStore>(), clock);

        var report = await importer.ImportFolderAsync(folder.Path, db.CancellationToken, new DateOnly(2026, 12, 1));

        var manual = await db.Services.GetRequiredService<IManualStore>().FindAsync(Assert.Single(report.Imported).ManualId, db.CancellationToken);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9)), manual!.ReviewedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ImportFolderAsync_NoDatesAsOf_KeepsReviewedAsWritten(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        using var folder = new TempFolder();
        await System.IO.File.WriteAllTextAsync(Path.Combine(folder.Path, "payroll.md"), File, db.CancellationToken);
        var importer = new ManualImporter(
            db.Services.GetRequiredService<IManualStore>(),
            db.Services.GetRequiredService<IDepartmentStore>(),
            new FixedClock(new DateTimeOffset(2027, 1, 31, 0, 30, 0, TimeSpan.Zero)));

        var report = await importer.ImportFolderAsync(folder.Path, db.CancellationToken);

        var manual = await db.Services.GetRequiredService<IManualStore>().FindAsync(Assert.Single(report.Imported).ManualId, db.CancellationToken);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(9)), manual!.ReviewedAt);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("manuals-import-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
