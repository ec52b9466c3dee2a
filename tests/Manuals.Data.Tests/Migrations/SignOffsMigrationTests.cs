using Manuals.Core.Handovers;
using Manuals.Data.Migrations;
using Manuals.Data.Tests.Handovers;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Manuals.Data.Tests.Coverage.CoverageData;

namespace Manuals.Data.Tests.Migrations;

/// <summary>
/// Migration 0013 (sign-offs per person) over free-text sign-offs: each becomes the box of the person it was for - the
/// predecessor's, the first successor's, the manager's - and one recorded under another name counts as on behalf.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SignOffsMigrationTests
{
    private const int SignOffsVersion = 13;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_FreeTextSignOffs_BecomeTheBoxesOfThePeopleOnTheHandover(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var before = MigrationRunner.LoadEmbedded(db.Engine).Where(m => m.Version < SignOffsVersion).ToList();
        await new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance, before).MigrateAsync(db.CancellationToken);
        var yamada = await CreateEmployeeAsync(db, "山田 太郎");
        var suzuki = await CreateEmployeeAsync(db, "鈴木 花子");
        var sato = await CreateEmployeeAsync(db, "佐藤 次郎");
        var items = new[] { HandoverData.Item(await CreateTaskAsync(db, "月次決算"), suzuki), HandoverData.Item(await CreateTaskAsync(db, "請求書の発行"), sato) };
        var id = await HandoverData.CreateAsync(db, HandoverData.Handover(yamada, items));
        await db.QueryAsync<long>(
            """
            INSERT INTO handover_signatures (handover_id, role, name, signed_on, recorded_by_name, recorded_at) VALUES
                (@id, 'Predecessor', '山田 太郎', '2026-11-20', '山田 太郎', @at),
                (@id, 'Successor', '鈴木 花子', '2026-11-20', '部長 一郎', @at),
                (@id, 'Manager', '部長 一郎', '2026-11-21', '部長 一郎', @at)
            """,
            new { id, at = HandoverData.Now });

        await db.Services.GetRequiredService<MigrationRunner>().MigrateAsync(db.CancellationToken);

        var handover = (await db.Services.GetRequiredService<IHandoverStore>().FindAsync(id, db.CancellationToken))!;
        Assert.Equal(
            [
                (SignOffRole.Predecessor, yamada, "山田 太郎", false),
                (SignOffRole.Successor, suzuki, "鈴木 花子", true),
                (SignOffRole.Manager, 0L, "部長 一郎", false),
            ],
            handover.Signatures.Select(s => (s.Role, s.EmployeeId, s.Name, s.OnBehalf)));
        Assert.All(handover.Signatures, s => Assert.Null(s.RecordedByUserId));
        Assert.False(await db.TableExistsAsync("handover_signatures"));
        // 佐藤's box was never signed: the handover needs it before it can be completed.
        Assert.False(handover.IsSignedOff);
    }
}
