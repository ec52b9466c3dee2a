using Manuals.Core.Accounts;
using Manuals.Core.Templates;

namespace Manuals.Core.Tests.Templates;

/// <summary>The service asks <see cref="TemplateAccessPolicy"/> before it writes anything.</summary>
public sealed class TemplateServiceTests
{
    private const long EditorId = 42;
    private static readonly StepTemplateDraft Draft = new("新しい名前", "説明", "## 目的\n（目的）\n\n## 手順\n", ["手順"]);

    private readonly FakeTemplateStore _store = new();
    private readonly TemplateService _service;

    public TemplateServiceTests()
    {
        _service = new TemplateService(_store, TimeProvider.System);
        _store.Add(new StepTemplate { Id = 1, Name = "業務手順書", IsBuiltIn = true });
        _store.Add(new StepTemplate { Id = 2, Name = "自分の", CreatedByUserId = EditorId });
        _store.Add(new StepTemplate { Id = 3, Name = "ほかの人の", CreatedByUserId = 7 });
        _store.Add(new StepTemplate { Id = 4, Name = "作成者の記録がない" });
    }

    [Fact]
    public async Task CreateAsync_Editor_RecordsTheEditorAsCreator()
    {
        var result = await _service.CreateAsync(User(Roles.Editor), Draft, CancellationToken.None);

        Assert.Equal(TemplateSaveOutcome.Saved, result.Outcome);
        Assert.Equal(EditorId, _store.Find(result.TemplateId).CreatedByUserId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task UpdateAsync_EditorOnTemplateNotTheirs_ForbiddenAndNothingWritten(long id)
    {
        var result = await _service.UpdateAsync(User(Roles.Editor), id, Draft, CancellationToken.None);

        Assert.Equal(TemplateSaveOutcome.Forbidden, result.Outcome);
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task UpdateAsync_EditorOnTemplateNotTheirsWithInvalidDraft_ForbiddenNotInvalid()
    {
        var result = await _service.UpdateAsync(User(Roles.Editor), 1, new StepTemplateDraft("", "", "", []), CancellationToken.None);

        Assert.Equal(TemplateSaveOutcome.Forbidden, result.Outcome);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task UpdateAsync_EditorOnOwnTemplate_Saves()
    {
        var result = await _service.UpdateAsync(User(Roles.Editor), 2, Draft, CancellationToken.None);

        Assert.Equal(TemplateSaveOutcome.Saved, result.Outcome);
        Assert.Equal(["update 2"], _store.Writes);
    }

    [Fact]
    public async Task UpdateAsync_AdminOnBuiltIn_Saves()
    {
        var result = await _service.UpdateAsync(User(Roles.Admin), 1, Draft, CancellationToken.None);

        Assert.Equal(TemplateSaveOutcome.Saved, result.Outcome);
        Assert.Equal(["update 1"], _store.Writes);
    }

    [Theory]
    [InlineData(Roles.Editor, TemplateSaveOutcome.NotFound)]
    [InlineData(Roles.Admin, TemplateSaveOutcome.NotFound)]
    [InlineData(Roles.Reader, TemplateSaveOutcome.Forbidden)]
    public async Task UpdateAndSetRetired_UnknownId_NotFoundForWritersForbiddenForReaders(string role, TemplateSaveOutcome expected)
    {
        Assert.Equal(expected, (await _service.UpdateAsync(User(role), 999, Draft, CancellationToken.None)).Outcome);
        Assert.Equal(expected, await _service.SetRetiredAsync(User(role), 999, retired: true, CancellationToken.None));
        Assert.Empty(_store.Writes);
    }

    [Theory]
    [InlineData(Roles.Editor, 1, true, TemplateSaveOutcome.Forbidden)]
    [InlineData(Roles.Editor, 1, false, TemplateSaveOutcome.Forbidden)]
    [InlineData(Roles.Editor, 3, true, TemplateSaveOutcome.Forbidden)]
    [InlineData(Roles.Editor, 4, true, TemplateSaveOutcome.Forbidden)]
    [InlineData(Roles.Reader, 2, true, TemplateSaveOutcome.Forbidden)]
    [InlineData(Roles.Editor, 2, true, TemplateSaveOutcome.Saved)]
    [InlineData(Roles.Editor, 2, false, TemplateSaveOutcome.Saved)]
    [InlineData(Roles.Admin, 1, true, TemplateSaveOutcome.Saved)]
    [InlineData(Roles.Admin, 4, false, TemplateSaveOutcome.Saved)]
    public async Task SetRetiredAsync_RoleAndTemplate_OnlyThoseWhoMayChangeItWrite(string role, long id, bool retired, TemplateSaveOutcome expected)
    {
        var outcome = await _service.SetRetiredAsync(User(role), id, retired, CancellationToken.None);

        Assert.Equal(expected, outcome);
        Assert.Equal(expected == TemplateSaveOutcome.Saved ? [$"retire {id} {retired}"] : [], _store.Writes);
    }

    private static Viewer User(string role) => new(EditorId, new HashSet<string> { role }, new HashSet<long> { 1 });

    /// <summary>Templates in memory, recording every write so a test can tell nothing was written.</summary>
    private sealed class FakeTemplateStore : ITemplateStore
    {
        private readonly Dictionary<long, StepTemplate> _templates = [];

        public List<string> Writes { get; } = [];

        public void Add(StepTemplate template) => _templates.Add(template.Id, template);

        public StepTemplate Find(long id) => _templates[id];

        public Task<IReadOnlyList<StepTemplate>> ListAsync(bool includeRetired, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StepTemplate>>(_templates.Values.Where(t => includeRetired || !t.IsRetired).ToList());

        public Task<StepTemplate?> FindAsync(long id, CancellationToken cancellationToken) =>
            Task.FromResult(_templates.GetValueOrDefault(id));

        public Task<StepTemplate?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult(_templates.Values.FirstOrDefault(t => TemplateNames.Key(t.Name) == TemplateNames.Key(name)));

        public Task<TemplateSaveResult> CreateAsync(StepTemplateDraft draft, long? createdByUserId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var id = _templates.Keys.Max() + 1;
            Add(new StepTemplate { Id = id, Name = draft.Name, Body = draft.Body, CreatedByUserId = createdByUserId });
            Writes.Add($"create {id}");
            return Task.FromResult(TemplateSaveResult.Saved(id));
        }

        public Task<TemplateSaveResult> UpdateAsync(long id, StepTemplateDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Writes.Add($"update {id}");
            return Task.FromResult(_templates.ContainsKey(id) ? TemplateSaveResult.Saved(id) : TemplateSaveResult.Failed(TemplateSaveOutcome.NotFound, id));
        }

        public Task<bool> SetRetiredAsync(long id, bool retired, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Writes.Add(FormattableString.Invariant($"retire {id} {retired}"));
            return Task.FromResult(_templates.ContainsKey(id));
        }

        public Task<int> CountManualsAsync(string name, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
