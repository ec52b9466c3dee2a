using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;
using Manuals.Core.Templates;
using Manuals.Data.Tests.Coverage;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Templates;

[Collection(DatabaseCollectionDefinition.Name)]
public sealed class TemplateStoreTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 31, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Author Sato = new(null, "佐藤 一郎");

    public static TheoryData<SqlEngine, string, string[]> BuiltIns()
    {
        var data = new TheoryData<SqlEngine, string, string[]>();
        foreach (var engine in new[] { SqlEngine.Sqlite, SqlEngine.Postgres })
        {
            data.Add(engine, "業務手順書", ["目的", "手順", "例外・注意点"]);
            data.Add(engine, "定型業務（月次・年次）", ["目的", "対象・前提", "手順"]);
            data.Add(engine, "システム操作手順", ["目的", "対象・前提", "手順"]);
            data.Add(engine, "トラブル・例外対応", ["目的", "手順", "例外・注意点"]);
            data.Add(engine, "チェックリスト型", ["目的", "手順"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListAsync_FreshDatabase_HasTheFiveBuiltInsInChooserOrder(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();

        var templates = await store.ListAsync(includeRetired: true, db.CancellationToken);

        Assert.Equal(["業務手順書", "定型業務（月次・年次）", "システム操作手順", "トラブル・例外対応", "チェックリスト型"], templates.Select(t => t.Name));
        Assert.All(templates, t => Assert.True(t.IsBuiltIn));
        Assert.All(templates, t => Assert.False(t.IsRetired));
        Assert.All(templates, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        Assert.All(templates, t => Assert.Null(t.CreatedByUserId));
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public async Task FindByNameAsync_BuiltIn_HasValidSkeletonRequiredSectionsAndUntouchedHintsAreUnfilled(SqlEngine engine, string name, string[] required)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();

        var template = await store.FindByNameAsync(name, db.CancellationToken);

        Assert.NotNull(template);
        Assert.Equal(required, template.RequiredSections);
        Assert.Empty(StepTemplateValidator.Validate(new(template.Name, template.Description, template.Body, template.RequiredSections)));
        Assert.Contains(template.ListSections(), s => s.Name == "手順");
        // Every section carries a hint telling the writer what belongs there.
        Assert.All(template.ListSections(), s => Assert.Contains("（", s.Placeholder, StringComparison.Ordinal));
        var fresh = TemplateCompleteness.Check(template, template.Body);
        Assert.Equal(required, fresh.MissingRequired);
        Assert.All(fresh.Sections, s => Assert.False(s.Filled));
        var keys = await db.QueryAsync<string>("SELECT name_key FROM step_templates WHERE id = @Id", new { template.Id });
        Assert.Equal(TemplateNames.Key(name), Assert.Single(keys));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindByNameAsync_SampleManualsTemplates_FindEveryOneAndTheSamplesAreComplete(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var departments = await db.Services.GetRequiredService<IDepartmentStore>().ListAsync(db.CancellationToken);
        var folder = Path.Combine(RepositoryRoot(), "samples", "manuals");

        var incomplete = new List<string>();
        var files = Directory.GetFiles(folder, "*.md");
        foreach (var file in files)
        {
            var (parsed, problem) = ManualFileParser.Parse(Path.GetFileName(file), await File.ReadAllBytesAsync(file, db.CancellationToken), departments);
            var draft = parsed?.Draft;
            Assert.Null(problem);
            var template = await store.FindByNameAsync(draft!.Template!, db.CancellationToken);
            Assert.True(template is not null, $"{Path.GetFileName(file)} names the unknown template {draft.Template}");
            var report = TemplateCompleteness.Check(template, draft.Body);
            if (!report.IsComplete)
            {
                incomplete.Add($"{Path.GetFileName(file)}: {string.Join("、", report.MissingRequired)}");
            }
        }

        Assert.True(files.Length >= 15);
        Assert.Empty(incomplete);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NewTemplate_FindAndFindByNameInOtherWidthReturnIt(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var draft = new StepTemplateDraft("問い合わせ対応（FAQ）", "よくある問い合わせへの回答手順", "## 目的\n（目的）\n\n## 手順\n1. （手順）\n", ["目的", "手順"]);

        var result = await store.CreateAsync(draft, null, Monday, db.CancellationToken);
        var found = await store.FindAsync(result.TemplateId, db.CancellationToken);
        var byName = await store.FindByNameAsync(" 問い合わせ対応(ｆａｑ)", db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.Saved, result.Outcome);
        Assert.NotNull(found);
        Assert.Equal("問い合わせ対応（FAQ）", found.Name);
        Assert.Equal("よくある問い合わせへの回答手順", found.Description);
        Assert.Equal(draft.Body, found.Body);
        Assert.Equal(["目的", "手順"], found.RequiredSections);
        Assert.False(found.IsBuiltIn);
        Assert.False(found.IsRetired);
        Assert.Equal(Monday, found.CreatedAt);
        Assert.Equal(Monday, found.UpdatedAt);
        Assert.Equal(found.Id, byName?.Id);
        Assert.Equal(6, (await store.ListAsync(includeRetired: false, db.CancellationToken)).Count);
        Assert.Equal(found.Id, (await store.ListAsync(includeRetired: false, db.CancellationToken))[^1].Id);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_WithCreator_EveryReadReturnsCreatorIdAndNameAndChangesKeepThem(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var suzuki = await CoverageData.CreateUserAsync(db, "suzuki", "鈴木 次郎");
        var draft = new StepTemplateDraft("来客受付", "", "## 目的\n（目的）\n\n## 手順\n", ["手順"]);

        var created = await store.CreateAsync(draft, suzuki, Monday, db.CancellationToken);
        var anonymous = await store.CreateAsync(draft with { Name = "作成者なし" }, null, Monday, db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.Saved, created.Outcome);
        var found = (await store.FindAsync(created.TemplateId, db.CancellationToken))!;
        Assert.Equal(suzuki, found.CreatedByUserId);
        Assert.Equal("鈴木 次郎", found.CreatedByName);
        Assert.False(found.IsBuiltIn);
        var byName = (await store.FindByNameAsync("来客受付", db.CancellationToken))!;
        Assert.Equal((suzuki, "鈴木 次郎"), (byName.CreatedByUserId!.Value, byName.CreatedByName!));
        var listed = (await store.ListAsync(includeRetired: true, db.CancellationToken)).Single(t => t.Id == created.TemplateId);
        Assert.Equal((suzuki, "鈴木 次郎"), (listed.CreatedByUserId!.Value, listed.CreatedByName!));
        var none = (await store.FindAsync(anonymous.TemplateId, db.CancellationToken))!;
        Assert.Null(none.CreatedByUserId);
        Assert.Null(none.CreatedByName);

        // Neither a rename nor retiring hands the template to anyone else.
        await store.UpdateAsync(created.TemplateId, draft with { Name = "来客受付（改）" }, Monday.AddDays(1), db.CancellationToken);
        await store.SetRetiredAsync(created.TemplateId, retired: true, Monday.AddDays(2), db.CancellationToken);
        var changed = (await store.FindAsync(created.TemplateId, db.CancellationToken))!;
        Assert.Equal("来客受付（改）", changed.Name);
        Assert.True(changed.IsRetired);
        Assert.Equal(suzuki, changed.CreatedByUserId);
        Assert.Equal("鈴木 次郎", changed.CreatedByName);
        var rows = await db.QueryAsync<long?>("SELECT created_by_user_id FROM step_templates WHERE id = @id", new { id = created.TemplateId });
        Assert.Equal(suzuki, Assert.Single(rows));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NameTakenInOtherWidth_ReturnsNameTakenAndWritesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();

        var result = await store.CreateAsync(new("定型業務(月次・年次)", "", "## 手順\n", []), null, Monday, db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.NameTaken, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal(new TemplateError("Name", "NameTaken", "定型業務(月次・年次)"), Assert.Single(result.Errors));
        Assert.Equal(5, (await store.ListAsync(includeRetired: true, db.CancellationToken)).Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_Rename_ChangesEveryManualThatNamedItAndNoOther(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var checklist = (await store.FindByNameAsync("チェックリスト型", db.CancellationToken))!;
        var onboarding = await CreateManualAsync(manuals, "入社手続き", "チェックリスト型", db.CancellationToken);
        var offboarding = await CreateManualAsync(manuals, "退職手続き", "ﾁｪｯｸﾘｽﾄ型", db.CancellationToken);
        var closing = await CreateManualAsync(manuals, "月次決算", "定型業務（月次・年次）", db.CancellationToken);
        var loose = await CreateManualAsync(manuals, "メモ", null, db.CancellationToken);
        Assert.Equal(2, await store.CountManualsAsync("チェックリスト型", db.CancellationToken));

        var result = await store.UpdateAsync(
            checklist.Id,
            new("確認リスト型", "説明を変えました", checklist.Body, ["手順"]),
            Monday,
            db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.Saved, result.Outcome);
        Assert.Equal("確認リスト型", (await manuals.FindAsync(onboarding, db.CancellationToken))!.Template);
        Assert.Equal("確認リスト型", (await manuals.FindAsync(offboarding, db.CancellationToken))!.Template);
        Assert.Equal("定型業務（月次・年次）", (await manuals.FindAsync(closing, db.CancellationToken))!.Template);
        Assert.Null((await manuals.FindAsync(loose, db.CancellationToken))!.Template);
        var renamed = await store.FindAsync(checklist.Id, db.CancellationToken);
        Assert.Equal("確認リスト型", renamed!.Name);
        Assert.Equal("説明を変えました", renamed.Description);
        Assert.Equal(["手順"], renamed.RequiredSections);
        Assert.True(renamed.IsBuiltIn);
        Assert.Equal(Monday, renamed.UpdatedAt);
        Assert.Null(await store.FindByNameAsync("チェックリスト型", db.CancellationToken));
        Assert.Equal(2, await store.CountManualsAsync("確認リスト型", db.CancellationToken));
        Assert.Equal(0, await store.CountManualsAsync("チェックリスト型", db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_NameOfAnotherTemplate_ReturnsNameTakenAndChangesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var checklist = (await store.FindByNameAsync("チェックリスト型", db.CancellationToken))!;
        var onboarding = await CreateManualAsync(manuals, "入社手続き", "チェックリスト型", db.CancellationToken);

        var result = await store.UpdateAsync(checklist.Id, new("業務手順書", "x", "## 手順\n", []), Monday, db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.NameTaken, result.Outcome);
        var unchanged = await store.FindAsync(checklist.Id, db.CancellationToken);
        Assert.Equal("チェックリスト型", unchanged!.Name);
        Assert.Equal(checklist.Body, unchanged.Body);
        Assert.Equal("チェックリスト型", (await manuals.FindAsync(onboarding, db.CancellationToken))!.Template);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_SameNameOtherWidth_SavesAndRespellsManuals(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var routine = (await store.FindByNameAsync("定型業務（月次・年次）", db.CancellationToken))!;
        var closing = await CreateManualAsync(manuals, "月次決算", "定型業務（月次・年次）", db.CancellationToken);

        var result = await store.UpdateAsync(routine.Id, new("定型業務(月次・年次)", routine.Description, routine.Body, routine.RequiredSections), Monday, db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.Saved, result.Outcome);
        Assert.Equal("定型業務(月次・年次)", (await manuals.FindAsync(closing, db.CancellationToken))!.Template);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_UnknownId_ReturnsNotFound(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();

        var result = await store.UpdateAsync(424242, new("新しい名前", "", "## 手順\n", []), Monday, db.CancellationToken);

        Assert.Equal(TemplateSaveOutcome.NotFound, result.Outcome);
        Assert.Null(await store.FindByNameAsync("新しい名前", db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SetRetiredAsync_RetireThenRestore_HidesFromActiveListOnlyWhileRetired(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var trouble = (await store.FindByNameAsync("トラブル・例外対応", db.CancellationToken))!;

        Assert.True(await store.SetRetiredAsync(trouble.Id, retired: true, Monday, db.CancellationToken));
        var active = await store.ListAsync(includeRetired: false, db.CancellationToken);
        var all = await store.ListAsync(includeRetired: true, db.CancellationToken);
        var retired = await store.FindAsync(trouble.Id, db.CancellationToken);

        Assert.DoesNotContain(active, t => t.Id == trouble.Id);
        Assert.Equal(4, active.Count);
        Assert.Contains(all, t => t.Id == trouble.Id && t.IsRetired);
        Assert.True(retired!.IsRetired);
        Assert.Equal(Monday, retired.UpdatedAt);
        Assert.Equal(trouble.Id, (await store.FindByNameAsync("トラブル・例外対応", db.CancellationToken))?.Id);

        Assert.True(await store.SetRetiredAsync(trouble.Id, retired: false, Monday.AddDays(1), db.CancellationToken));
        Assert.Contains(await store.ListAsync(includeRetired: false, db.CancellationToken), t => t.Id == trouble.Id);
        Assert.False(await store.SetRetiredAsync(424242, retired: true, Monday, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SetRetiredAsync_TemplateFollowedByManuals_LeavesTheManualsUnchangedAndStillCheckedAgainstIt(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var created = await store.CreateAsync(
            new("来客受付", "", "## 目的\n（目的を書きます）\n\n## 手順\n（手順を書きます）\n", ["目的", "手順"]), null, Monday, db.CancellationToken);
        const string incompleteBody = "## 目的\n来客を迷わせないため。\n\n## 手順\n（手順を書きます）\n";
        var incomplete = await manuals.CreateAsync(
            new ManualDraft("来客受付の手順", 1, ManualVisibility.Company, ManualStatus.Published, "来客受付", [], incompleteBody, "新規作成"),
            Sato, null, Monday, db.CancellationToken);
        var otherWidth = await CreateManualAsync(manuals, "応接室の予約", "来客受付 ", db.CancellationToken);
        var before = new[] { (await manuals.FindAsync(incomplete, db.CancellationToken))!, (await manuals.FindAsync(otherWidth, db.CancellationToken))! };

        Assert.True(await store.SetRetiredAsync(created.TemplateId, retired: true, Monday.AddDays(3), db.CancellationToken));

        foreach (var manual in before)
        {
            var after = (await manuals.FindAsync(manual.Id, db.CancellationToken))!;
            Assert.Equal(manual.Title, after.Title);
            Assert.Equal(manual.Body, after.Body);
            Assert.Equal(manual.Template, after.Template);
            Assert.Equal(manual.RevisionNumber, after.RevisionNumber);
            Assert.Equal(manual.UpdatedAt, after.UpdatedAt);
            Assert.Single(await manuals.ListRevisionsAsync(manual.Id, db.CancellationToken));
        }

        var retired = await store.FindByNameAsync("来客受付", db.CancellationToken);
        Assert.True(retired!.IsRetired);
        Assert.Equal(["手順"], TemplateCompleteness.Check(retired, incompleteBody).MissingRequired);
        var candidates = await manuals.ListByIdsAsync([incomplete, otherWidth], db.CancellationToken);
        Assert.Equal([incomplete], await new TemplateManualCompleteness(manuals, store).FindIncompleteAsync(candidates, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TemplateManualCompleteness_AskedAgainAfterASaveOrATemplateEdit_JudgesTheNewTextNotTheKeptVerdict(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var store = db.Services.GetRequiredService<ITemplateStore>();
        var manuals = db.Services.GetRequiredService<IManualStore>();
        var completeness = new TemplateManualCompleteness(manuals, store);
        var created = await store.CreateAsync(
            new("来客受付", "", "## 目的\n（目的を書きます）\n\n## 手順\n（手順を書きます）\n", ["目的", "手順"]), null, Monday, db.CancellationToken);
        var draft = new ManualDraft(
            "来客受付の手順", 1, ManualVisibility.Company, ManualStatus.Published, "来客受付", [], "## 目的\n来客を迷わせないため。\n\n## 手順\n（手順を書きます）\n", "新規作成");
        var id = await manuals.CreateAsync(draft, Sato, null, Monday, db.CancellationToken);

        async Task<bool> IsIncompleteAsync() =>
            (await completeness.FindIncompleteAsync(await manuals.ListByIdsAsync([id], db.CancellationToken), db.CancellationToken)).Contains(id);

        Assert.True(await IsIncompleteAsync());
        Assert.True(await IsIncompleteAsync());

        // Revision 2 fills the section: the verdict kept for revision 1 is not used for it.
        Assert.True(await manuals.TryUpdateAsync(
            id, 1, draft with { Body = "## 目的\n来客を迷わせないため。\n\n## 手順\n1. 受付票を渡します。\n" }, Sato, Monday.AddHours(1), db.CancellationToken));
        Assert.False(await IsIncompleteAsync());

        // The template now requires a section the manual lacks: judged again against the edited template.
        var edited = await store.UpdateAsync(
            created.TemplateId,
            new("来客受付", "", "## 目的\n（目的）\n\n## 手順\n（手順）\n\n## 注意\n（注意）\n", ["目的", "手順", "注意"]),
            Monday.AddDays(1),
            db.CancellationToken);
        Assert.True(edited.Succeeded);
        Assert.True(await IsIncompleteAsync());
    }

    private static Task<long> CreateManualAsync(IManualStore manuals, string title, string? template, CancellationToken cancellationToken) =>
        manuals.CreateAsync(
            new ManualDraft(title, 1, ManualVisibility.Company, ManualStatus.Draft, template, [], "## 目的\n本文", "新規作成"),
            Sato,
            null,
            Monday,
            cancellationToken);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Manuals.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Manuals.sln not found above " + AppContext.BaseDirectory);
    }
}
