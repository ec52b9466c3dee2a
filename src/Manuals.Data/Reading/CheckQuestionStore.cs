using System.Text.Json;
using Dapper;
using Manuals.Core.Reading;

namespace Manuals.Data.Reading;

/// <summary>理解度チェック in <c>check_questions</c> (choices as a JSON array) and <c>check_results</c>.</summary>
public sealed class CheckQuestionStore(IDbConnectionFactory connections) : ICheckQuestionStore
{
    public async Task<IReadOnlyList<CheckQuestion>> ListAsync(long manualId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT question, choices, correct FROM check_questions WHERE manual_id = @manualId ORDER BY position";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Question, string Choices, long Correct)>(
            new CommandDefinition(sql, new { manualId }, cancellationToken: cancellationToken));
        return rows
            .Select(r => new CheckQuestion(r.Question, JsonSerializer.Deserialize<List<string>>(r.Choices) ?? [], (int)r.Correct))
            .ToList();
    }

    public async Task ReplaceAsync(long manualId, IReadOnlyList<CheckQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        const string insert = """
            INSERT INTO check_questions (manual_id, position, question, choices, correct)
            VALUES (@manualId, @position, @question, @choices, @correct)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM check_questions WHERE manual_id = @manualId", new { manualId }, transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            await connection.ExecuteAsync(new CommandDefinition(
                insert,
                new { manualId, position = i, question = question.Text, choices = JsonSerializer.Serialize(question.Choices), correct = question.Correct },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecordAttemptAsync(long manualId, long userId, bool passed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string failed = """
            INSERT INTO check_results (manual_id, user_id, failed_attempts, last_attempt_at) VALUES (@manualId, @userId, 1, @at)
            ON CONFLICT (manual_id, user_id)
            DO UPDATE SET failed_attempts = check_results.failed_attempts + 1, last_attempt_at = excluded.last_attempt_at
            """;
        const string pass = """
            INSERT INTO check_results (manual_id, user_id, failed_attempts, passed_on_attempt, passed_at, last_attempt_at)
            VALUES (@manualId, @userId, 0, 1, @at, @at)
            ON CONFLICT (manual_id, user_id)
            DO UPDATE SET passed_on_attempt = check_results.failed_attempts + 1, failed_attempts = 0,
                          passed_at = excluded.passed_at, last_attempt_at = excluded.last_attempt_at
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(passed ? pass : failed, new { manualId, userId, at }, cancellationToken: cancellationToken));
    }
}
