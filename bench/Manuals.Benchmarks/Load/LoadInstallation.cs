using System.Diagnostics;
using System.Globalization;
using Dapper;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Handovers;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Data;
using Manuals.Data.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Manuals.Benchmarks.Load;

/// <summary>
/// Generates the installation the load benchmark runs on, through the app's own stores and services (what a writer's
/// save, an upload, the coverage pages and a started handover write), deterministically from the seed: departments,
/// small screenshots, manuals (some with later revisions, some showing a screenshot), employees, business tasks linked
/// to manuals, the skill matrix and handovers. A database that already holds it is kept as it is.
/// </summary>
internal static class LoadInstallation
{
    private static readonly Author BenchAuthor = new(null, "ベンチマーク");

    // The seven departments of the first migration come first; these make up the forty of issue #18. The app has no page
    // to add a department (they come with the installation), so they are inserted as the migration inserts its seven.
    private static readonly string[] MoreDepartments =
    [
        "営業企画", "営業第一", "営業第二", "営業第三", "購買", "物流", "品質保証", "製造管理", "研究開発", "知的財産", "経営企画",
        "内部監査", "IR", "カスタマーサポート", "マーケティング", "デザイン", "施設管理", "秘書室", "海外事業", "関西支社", "九州支社",
        "東北支社", "北海道支社", "中部支社", "中国支社", "四国支社", "EC事業", "店舗運営", "教育研修", "安全衛生", "連結決算", "税務",
        "資金",
    ];

    private static readonly string[] Surnames =
    [
        "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上",
        "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田",
        "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "斉藤", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原",
        "中野", "三浦", "原田", "中川", "松田", "竹内", "小野", "田村", "中山", "和田", "石田", "森田", "上田", "原", "内田", "柴田",
        "酒井", "宮崎", "横山", "高木", "安藤", "宮本", "大野", "小島", "谷口", "今井", "工藤", "高田", "増田", "丸山", "杉山", "村田",
    ];

    private static readonly string[] GivenNames =
    [
        "翔太", "大輔", "健太", "拓也", "直樹", "達也", "和也", "亮", "誠", "学", "浩二", "隆", "剛", "修", "聡", "健一", "雄一", "大樹",
        "翼", "蓮", "悠斗", "陽翔", "湊", "颯太", "大和", "陸", "悠真", "樹", "結衣", "陽菜", "美咲", "さくら", "葵", "凛", "結菜",
        "芽依", "花子", "由美", "恵子", "裕子", "直美", "真由美", "智子", "久美子", "明美", "陽子", "美穂", "麻衣", "愛", "彩", "香織",
        "舞", "瞳", "優子", "千尋", "美紀", "奈々", "沙織", "早紀", "理恵", "綾", "恵", "真理", "涼子", "幸子", "京子", "純子", "和子",
        "洋子", "美香", "千春", "紀子", "悦子", "美樹", "絵美", "かおり", "友美", "律子", "静香", "美奈子",
    ];

    private static readonly string[] TaskNouns =
    [
        "月次決算", "請求書発行", "支払処理", "経費精算", "給与計算", "年末調整", "社会保険手続き", "入社手続き", "退職手続き", "勤怠締め",
        "契約書審査", "押印管理", "備品発注", "郵便物仕分け", "来客対応", "アカウント発行", "バックアップ確認", "障害対応", "予算実績管理",
        "固定資産管理", "取引先登録", "反社チェック", "プレスリリース", "社内報編集", "稟議回付", "出張手配", "会議室管理", "研修運営",
        "在庫確認", "売上計上",
    ];

    private static readonly string[] TaskSuffixes = ["", "（本社分）", "（支店分）", "（締め前）", "（締め後）", "の確認", "の承認", "の集計", "の点検", "の引継ぎ"];

    private static readonly string[] Timings = ["毎月第5営業日", "毎月末", "毎週月曜", "毎日午前", "四半期末", "12月", "随時", "毎月10日", "毎月25日", "年度初め"];

    /// <summary>What <see cref="EnsureAsync"/> found or did.</summary>
    internal sealed record Outcome(bool Reused, double Seconds, IReadOnlyDictionary<string, double> StepSeconds);

    /// <summary>Generates the installation unless the database already holds it; refuses a database holding something else.</summary>
    public static async Task<Outcome> EnsureAsync(
        ServiceProvider services, IDbConnectionFactory connections, SqlEngine engine, LoadScale scale, int seed, string samples, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var manuals = await services.GetRequiredService<IManualStore>().CountAsync(cancellationToken);
        var handovers = await CountAsync(connections, "SELECT COUNT(*) FROM handovers", cancellationToken);
        if (manuals == scale.Manuals && handovers == scale.Handovers)
        {
            Log($"reusing the installation already in the database ({manuals:N0} manuals, {handovers:N0} handovers)");
            return new Outcome(true, 0, new Dictionary<string, double>());
        }

        var employees = await services.GetRequiredService<IEmployeeStore>().CountAsync(cancellationToken);
        if (manuals == scale.Manuals && employees == scale.Employees && handovers < scale.Handovers)
        {
            // Handovers come last: an earlier run stopped while writing them.
            Log($"resuming: {scale.Handovers - handovers:N0} handovers to write");
            var resumed = Stopwatch.StartNew();
            await HandoversAsync(services, scale, cancellationToken);
            return new Outcome(false, Math.Round(resumed.Elapsed.TotalSeconds, 1), new Dictionary<string, double> { ["handovers (resumed)"] = Math.Round(resumed.Elapsed.TotalSeconds, 1) });
        }

        if (manuals != 0)
        {
            throw new InvalidOperationException(
                $"The database holds {manuals:N0} manuals and {handovers:N0} handovers, not an empty database nor the installation of {scale} " +
                "(an interrupted generation?); use another --database.");
        }

        Log($"generating {scale}");
        var steps = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        var departmentIds = await Step(steps, "departments", () => DepartmentsAsync(services, connections, scale, cancellationToken));
        var images = await Step(steps, "images", () => ImagesAsync(services, scale, seed, cancellationToken));
        await Step(steps, "manuals", () => ManualsAsync(services, engine, scale, seed, samples, departmentIds, images, cancellationToken));
        await Step(steps, "employees", () => EmployeesAsync(services, scale, departmentIds, cancellationToken));
        await Step(steps, "tasks", () => TasksAsync(services, connections, scale, seed, departmentIds, cancellationToken));
        await Step(steps, "skill matrix", () => SkillMatrixAsync(services, seed, cancellationToken));
        await Step(steps, "handovers", () => HandoversAsync(services, scale, cancellationToken));
        if (engine == SqlEngine.Postgres)
        {
            // As the search benchmark does after its bulk load: what autovacuum would do in the next minutes, done now.
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("VACUUM (ANALYZE)", commandTimeout: 1200, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("CHECKPOINT", commandTimeout: 600, commandType: System.Data.CommandType.Text, cancellationToken: cancellationToken));
        }

        Log($"generated in {total.Elapsed.TotalSeconds:F0} s");
        return new Outcome(false, Math.Round(total.Elapsed.TotalSeconds, 1), steps);
    }

    private static async Task<T> Step<T>(Dictionary<string, double> steps, string name, Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        steps[name] = Math.Round(clock.Elapsed.TotalSeconds, 1);
        Log($"{name}: {steps[name]:F1} s");
        return result;
    }

    private static async Task<IReadOnlyList<long>> DepartmentsAsync(
        ServiceProvider services, IDbConnectionFactory connections, LoadScale scale, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDepartmentStore>();
        var existing = await store.ListAsync(cancellationToken);
        var next = existing.Max(d => d.Id) + 1;
        var order = existing.Max(d => d.SortOrder) + 1;
        var missing = MoreDepartments.Where(name => existing.All(d => d.Name != name)).Take(Math.Max(0, scale.Departments - existing.Count));
        const string sql = "INSERT INTO departments (id, name, sort_order) VALUES (@Id, @Name, @SortOrder)";
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            foreach (var name in missing)
            {
                await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = next++, Name = name, SortOrder = order++ }, cancellationToken: cancellationToken));
            }
        }

        return (await store.ListAsync(cancellationToken)).Select(d => d.Id).ToList();
    }

    /// <summary>Small screenshot-like PNGs (flat panels, a few coloured blocks), uploaded through the real pipeline.</summary>
    private static async Task<IReadOnlyList<string>> ImagesAsync(ServiceProvider services, LoadScale scale, int seed, CancellationToken cancellationToken)
    {
        var upload = services.GetRequiredService<ImageService>();
        var hashes = new List<string>(scale.Images);
        for (var i = 0; i < scale.Images; i++)
        {
            var random = new Random(unchecked((seed * 7_919) + i));
            using var picture = new Image<Rgba32>(480, 270, new Rgba32(245, 246, 248));
            for (var block = 0; block < 6; block++)
            {
                var color = new Rgba32((byte)random.Next(40, 230), (byte)random.Next(40, 230), (byte)random.Next(40, 230));
                int x0 = random.Next(0, 400), y0 = random.Next(0, 220), w = random.Next(30, 160), h = random.Next(8, 60);
                for (var y = y0; y < Math.Min(270, y0 + h); y++)
                {
                    for (var x = x0; x < Math.Min(480, x0 + w); x++)
                    {
                        picture[x, y] = color;
                    }
                }
            }

            using var stream = new MemoryStream();
            await picture.SaveAsync(stream, new PngEncoder(), cancellationToken);
            var result = await upload.UploadAsync(null, stream.ToArray(), cancellationToken);
            hashes.Add(result.IsAccepted ? result.Image.Sha256 : throw new InvalidOperationException($"Image {i} refused: {result.Refusal}"));
        }

        return hashes;
    }

    /// <summary>
    /// The manuals of the search benchmark's generator, one in three showing one of the screenshots, and one in four
    /// saved again once or twice afterwards (revisions 2–3), through <c>ManualStore.CreateAsync</c> and <c>TryUpdateAsync</c>.
    /// </summary>
    private static async Task<int> ManualsAsync(
        ServiceProvider services,
        SqlEngine engine,
        LoadScale scale,
        int seed,
        string samples,
        IReadOnlyList<long> departmentIds,
        IReadOnlyList<string> images,
        CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IManualStore>();
        var generator = new ManualGenerator(seed, departmentIds, samples);
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scale.Manuals),
            new ParallelOptions { MaxDegreeOfParallelism = engine == SqlEngine.Postgres ? Environment.ProcessorCount : 1, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (draft, updatedAt) = generator.Create(i);
                if (i % 3 == 0)
                {
                    draft = draft with { Body = draft.Body + $"\n![画面の例]({ImageReferences.UrlFor(images[i % images.Count])})\n" };
                }

                var edits = (i % 8) switch { 1 => 1, 5 => 2, _ => 0 };
                var id = await store.CreateAsync(draft, BenchAuthor, null, updatedAt.AddDays(-7 * edits), ct);
                for (var revision = 1; revision <= edits; revision++)
                {
                    draft = draft with
                    {
                        Body = draft.Body + string.Create(CultureInfo.InvariantCulture, $"\n## 改訂メモ{revision}\n\n- 第{revision + 1}版: 担当者の確認手順を見直しました。\n"),
                        ChangeNote = "手順の見直し",
                    };
                    if (!await store.TryUpdateAsync(id, revision, draft, BenchAuthor, updatedAt.AddDays(-7 * (edits - revision)), ct))
                    {
                        throw new InvalidOperationException($"Manual {id}: revision {revision + 1} was refused.");
                    }
                }

                var count = Interlocked.Increment(ref done);
                if (count % Math.Max(1, scale.Manuals / 10) == 0)
                {
                    Log($"manuals {count:N0} / {scale.Manuals:N0} ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            });
        return done;
    }

    private static async Task<int> EmployeesAsync(ServiceProvider services, LoadScale scale, IReadOnlyList<long> departmentIds, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IEmployeeStore>();
        var now = DateTimeOffset.UtcNow;
        var people = Enumerable.Range(0, scale.Employees).Select(i => new Employee
        {
            Name = EmployeeName(i),
            DepartmentId = departmentIds[i % departmentIds.Count],
            Status = EmployeeStatus.Active,
        }).ToList();
        foreach (var batch in people.Chunk(1_000))
        {
            if (!await store.SaveManyAsync(batch, now, cancellationToken))
            {
                throw new InvalidOperationException("An employee's name collided.");
            }
        }

        return people.Count;
    }

    /// <summary>「佐藤 翔太」…: unique across the company, as the store requires.</summary>
    private static string EmployeeName(int i)
    {
        var name = $"{Surnames[i % Surnames.Length]} {GivenNames[i / Surnames.Length % GivenNames.Length]}";
        var round = i / (Surnames.Length * GivenNames.Length);
        return round == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}（{round + 1}）");
    }

    /// <summary>Each department's tasks, each linked to one to three of that department's manuals.</summary>
    private static async Task<int> TasksAsync(
        ServiceProvider services, IDbConnectionFactory connections, LoadScale scale, int seed, IReadOnlyList<long> departmentIds, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<long, long[]> manualsByDepartment;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            var rows = await connection.QueryAsync<(long Id, long DepartmentId)>(
                new CommandDefinition("SELECT id, department_id FROM manuals ORDER BY id", cancellationToken: cancellationToken));
            manualsByDepartment = rows.GroupBy(r => r.DepartmentId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToArray());
        }

        var random = new Random(seed + 11);
        var tasks = new List<BusinessTask>(scale.Tasks);
        for (var i = 0; i < scale.Tasks; i++)
        {
            var department = departmentIds[i % departmentIds.Count];
            var k = i / departmentIds.Count;
            var name = TaskNouns[k % TaskNouns.Length] + TaskSuffixes[k / TaskNouns.Length % TaskSuffixes.Length];
            var round = k / (TaskNouns.Length * TaskSuffixes.Length);
            var own = manualsByDepartment.GetValueOrDefault(department, []);
            tasks.Add(new BusinessTask
            {
                DepartmentId = department,
                Name = round == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}（{round + 1}）"),
                Description = $"{name}を期日までに行い、結果を上長に報告します。",
                Frequency = (TaskFrequency)random.Next(6),
                Timing = Timings[random.Next(Timings.Length)],
                Criticality = (TaskCriticality)random.Next(3),
                ManualIds = own.Length == 0 ? [] : Enumerable.Range(0, 1 + random.Next(3)).Select(_ => own[random.Next(own.Length)]).Distinct().Order().ToList(),
            });
        }

        var store = services.GetRequiredService<IBusinessTaskStore>();
        foreach (var batch in tasks.Chunk(500))
        {
            if (!await store.SaveManyAsync(batch, DateTimeOffset.UtcNow, cancellationToken))
            {
                throw new InvalidOperationException("A task's name collided.");
            }
        }

        return tasks.Count;
    }

    /// <summary>Zero to six people of the task's department per task, at every level; the first is 主担当, the second 副担当.</summary>
    private static async Task<int> SkillMatrixAsync(ServiceProvider services, int seed, CancellationToken cancellationToken)
    {
        var tasks = await services.GetRequiredService<IBusinessTaskStore>().ListAsync(null, cancellationToken);
        var people = (await services.GetRequiredService<IEmployeeStore>().ListAsync(null, cancellationToken))
            .GroupBy(e => e.DepartmentId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToArray());
        var random = new Random(seed + 13);
        var edits = new List<SkillCellEdit>();
        foreach (var task in tasks)
        {
            var staff = people.GetValueOrDefault(task.DepartmentId, []);
            var chosen = staff.OrderBy(_ => random.Next()).Take(Math.Min(staff.Length, random.Next(7))).ToList();
            for (var n = 0; n < chosen.Count; n++)
            {
                var level = (SkillLevel)(1 + random.Next(3));
                var role = n switch { 0 => AssignmentRole.Primary, 1 => AssignmentRole.Backup, _ => AssignmentRole.None };
                edits.Add(new SkillCellEdit(chosen[n], task.Id, SkillLevel.None, AssignmentRole.None, level, role));
            }
        }

        var store = services.GetRequiredService<ISkillMatrixStore>();
        foreach (var batch in edits.Chunk(2_000))
        {
            var stale = await store.ApplyAsync(batch, BenchAuthor, DateTimeOffset.UtcNow, cancellationToken);
            if (stale.Count > 0)
            {
                throw new InvalidOperationException($"{stale.Count} skill cells were not empty.");
            }
        }

        return edits.Count;
    }

    /// <summary>
    /// Handovers spread over departments, planned by the real <see cref="HandoverPlanner"/> from one coverage snapshot
    /// and written through <see cref="IHandoverStore.CreateAsync"/>: what <c>HandoverService.StartAsync</c> writes, without
    /// reading the whole coverage again for each (at the full size that read took about a minute per handover on the
    /// shared two cores; the benchmark reports the pages, not this). Employees who already have one are skipped, so an
    /// interrupted generation resumes here.
    /// </summary>
    private static async Task<int> HandoversAsync(ServiceProvider services, LoadScale scale, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IHandoverStore>();
        var existing = (await store.ListAsync(new HandoverFilter(), cancellationToken)).Select(h => h.EmployeeId).ToHashSet();
        var employees = await services.GetRequiredService<IEmployeeStore>().ListAsync(null, cancellationToken);
        var leaving = employees.OrderBy(e => e.Id).Where((_, i) => i % Math.Max(1, employees.Count / scale.Handovers) == 0).Take(scale.Handovers).ToList();
        var now = DateTimeOffset.UtcNow;
        var today = CoverageMoment.At(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).Today;
        var snapshot = await scope.ServiceProvider.GetRequiredService<CoverageReader>().ReadAsync(cancellationToken);
        var written = 0;
        for (var i = 0; i < leaving.Count; i++)
        {
            var employee = leaving[i];
            if (existing.Contains(employee.Id))
            {
                continue;
            }

            var reason = (HandoverReason)(i % 4);
            var effective = today.AddDays(14 + (i % 60));
            var handover = new Handover
            {
                EmployeeId = employee.Id,
                EmployeeName = employee.Name,
                DepartmentId = employee.DepartmentId,
                Reason = reason,
                EffectiveDate = effective,
                ManagerName = "部長 山田 太郎",
                Note = "担当業務の引継ぎ（ベンチマーク用）",
                Status = HandoverStatus.InProgress,
                Version = 1,
                CreatedByName = BenchAuthor.Name,
                CreatedAt = now,
                UpdatedAt = now,
                Items = HandoverPlanner.PlanItems(employee.Id, snapshot, today, effective),
                CommonItems = Enum.GetValues<CommonItemKind>().Select(k => new HandoverCommonItem(k, "", false)).ToList(),
            };
            var started = new HandoverEvent(
                HandoverEventKind.Started, [employee.Name, reason.ToString(), effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], BenchAuthor.Name, now);
            await store.CreateAsync(handover, started, cancellationToken);
            written++;
        }

        return written;
    }

    private static async Task<long> CountAsync(IDbConnectionFactory connections, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    private static void Log(string message) => LoadBench.Log(message);
}
