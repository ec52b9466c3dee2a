using System.Data.Common;
using Dapper;
using Manuals.Core.Search;
using Manuals.Core.Templates;
using Manuals.Data.Search;

namespace Manuals.Data.Templates;

/// <summary>
/// Step templates in <c>step_templates</c>. Required sections are one heading per line in <c>required_sections</c>;
/// <c>name_key</c> (<see cref="TemplateNames.Key"/>) is unique, so two names that differ only in width or case clash.
/// </summary>
public sealed class TemplateStore(IDbConnectionFactory connections) : ITemplateStore
{
    private const string Columns = """
        t.id, t.name, t.description, t.body, t.required_sections, t.is_built_in, t.is_retired,
        t.created_by_user_id, u.display_name AS created_by_name, t.created_at, t.updated_at
        """;

    private const string From = "step_templates t LEFT JOIN users u ON u.id = t.created_by_user_id";

    public async Task<IReadOnlyList<StepTemplate>> ListAsync(bool includeRetired, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns}
            FROM {From}
            WHERE @includeRetired OR t.is_retired = @active
            ORDER BY t.id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            new CommandDefinition(sql, new { includeRetired, active = false }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTemplate()).ToList();
    }

    public async Task<StepTemplate?> FindAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM {From} WHERE t.id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return row?.ToTemplate();
    }

    public async Task<StepTemplate?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        const string sql = $"SELECT {Columns} FROM {From} WHERE t.name_key = @key";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(sql, new { key = TemplateNames.Key(name) }, cancellationToken: cancellationToken));
        return row?.ToTemplate();
    }

    public async Task<TemplateSaveResult> CreateAsync(
        StepTemplateDraft draft, long? createdByUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        const string sql = """
            INSERT INTO step_templates
                (name, name_key, description, body, required_sections, is_built_in, is_retired, created_by_user_id, created_at, updated_at)
            VALUES (@Name, @key, @Description, @Body, @required, @no, @no, @createdByUserId, @now, @now)
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = TemplateNames.Key(draft.Name);
        if (await NameTakenAsync(connection, transaction, key, null, cancellationToken))
        {
            return TemplateSaveResult.NameTaken(draft.Name);
        }

        try
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql,
                new { draft.Name, key, draft.Description, draft.Body, required = JoinSections(draft.RequiredSections), no = false, createdByUserId, now },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return TemplateSaveResult.Saved(id);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Someone took the name between the check and the insert.
            await transaction.RollbackAsync(CancellationToken.None);
            return TemplateSaveResult.NameTaken(draft.Name);
        }
    }

    public async Task<TemplateSaveResult> UpdateAsync(long id, StepTemplateDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        // Touching the row first takes its write lock (PostgreSQL; SQLite locks the whole database), so two renames of
        // one template run one after the other and the second reads the name the first one wrote.
        const string lockSql = "UPDATE step_templates SET updated_at = updated_at WHERE id = @id";
        const string currentNameSql = "SELECT name FROM step_templates WHERE id = @id";
        const string updateSql = """
            UPDATE step_templates
            SET name = @Name, name_key = @key, description = @Description, body = @Body,
                required_sections = @required, updated_at = @now
            WHERE id = @id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(lockSql, new { id }, transaction, cancellationToken: cancellationToken)) != 1)
        {
            return TemplateSaveResult.Failed(TemplateSaveOutcome.NotFound, id);
        }

        var oldName = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition(currentNameSql, new { id }, transaction, cancellationToken: cancellationToken));
        var key = TemplateNames.Key(draft.Name);
        if (await NameTakenAsync(connection, transaction, key, id, cancellationToken))
        {
            return TemplateSaveResult.NameTaken(draft.Name, id);
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                updateSql,
                new { id, draft.Name, key, draft.Description, draft.Body, required = JoinSections(draft.RequiredSections), now },
                transaction,
                cancellationToken: cancellationToken));
            if (!string.Equals(oldName, draft.Name, StringComparison.Ordinal))
            {
                await RenameInManualsAsync(connection, transaction, oldName!, draft.Name, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return TemplateSaveResult.Saved(id);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return TemplateSaveResult.NameTaken(draft.Name, id);
        }
    }

    public async Task<bool> SetRetiredAsync(long id, bool retired, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE step_templates SET is_retired = @retired, updated_at = @now WHERE id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, retired, now }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<int> CountManualsAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        const string sql = "SELECT COUNT(*) FROM manuals WHERE template = @spelling";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var count = 0L;
        foreach (var spelling in await SpellingsAsync(connection, null, TemplateNames.Key(name), cancellationToken))
        {
            count += await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { spelling }, cancellationToken: cancellationToken));
        }

        return (int)count;
    }

    private static async Task<bool> NameTakenAsync(
        DbConnection connection, DbTransaction transaction, string key, long? exceptId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM step_templates WHERE name_key = @key AND (@exceptId IS NULL OR id <> @exceptId)";
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql, new { key, exceptId }, transaction, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// Points every manual that names the old template (in any width form) at the new name, and journals each of them
    /// for search (the template is a search filter). The ids come from the UPDATE itself, so a manual saved with the
    /// old name while the rename runs is journalled too.
    /// </summary>
    private static async Task RenameInManualsAsync(
        DbConnection connection, DbTransaction transaction, string oldName, string newName, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE manuals SET template = @newName WHERE template = @spelling RETURNING id";
        var renamed = new List<long>();
        foreach (var spelling in await SpellingsAsync(connection, transaction, TemplateNames.Key(oldName), cancellationToken))
        {
            renamed.AddRange(await connection.QueryAsync<long>(
                new CommandDefinition(sql, new { newName, spelling }, transaction, cancellationToken: cancellationToken)));
        }

        await SearchJournalWriter.AppendAsync(connection, transaction, renamed, SearchJournalKind.Upsert, cancellationToken);
    }

    /// <summary>
    /// The distinct spellings of <c>manuals.template</c> whose key is <paramref name="key"/>. Width and case folding is
    /// done here rather than in SQL because neither engine has NFKC built in; the index on <c>manuals.template</c> keeps
    /// the scan of distinct values short.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SpellingsAsync(
        DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        const string sql = "SELECT DISTINCT template FROM manuals WHERE template IS NOT NULL";
        var all = await connection.QueryAsync<string>(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
        return all.Where(t => TemplateNames.Key(t) == key).ToList();
    }

    private static string JoinSections(IEnumerable<string> sections) => string.Join('\n', sections);

    /// <summary>A row as Dapper reads it; SQLite hands back integers for the flags and text for the times.</summary>
    private sealed class Row
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string Description { get; set; } = "";

        public string Body { get; set; } = "";

        public string RequiredSections { get; set; } = "";

        public bool IsBuiltIn { get; set; }

        public bool IsRetired { get; set; }

        public long? CreatedByUserId { get; set; }

        public string? CreatedByName { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public StepTemplate ToTemplate() => new()
        {
            Id = Id,
            Name = Name,
            Description = Description,
            Body = Body,
            RequiredSections = RequiredSections.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            IsBuiltIn = IsBuiltIn,
            IsRetired = IsRetired,
            CreatedByUserId = CreatedByUserId,
            CreatedByName = CreatedByName,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
    }
}
