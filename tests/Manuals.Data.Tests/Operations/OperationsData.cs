using Dapper;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;
using Manuals.Data.Tests.Infrastructure;
using Manuals.Data.Tests.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Operations;

/// <summary>
/// A database with rows in every table: the sample manuals through the importer (manuals, revisions, tags, the
/// journal), then one or two rows of each other table written with the SQL both engines share. Instants carry all seven
/// fractional digits .NET has, more than PostgreSQL keeps.
/// </summary>
internal static class OperationsData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 16, 0, 30, 15, TimeSpan.Zero);

    private static readonly DateTimeOffset Precise = Now.AddTicks(1_234_567);

    public static async Task FillAsync(TestDatabase db)
    {
        var importer = new ManualImporter(
            db.Services.GetRequiredService<IManualStore>(), db.Services.GetRequiredService<IDepartmentStore>(), TimeProvider.System);
        var report = await importer.ImportFolderAsync(SampleLibrary.SamplesPath, db.CancellationToken);
        Assert.Empty(report.Refused);

        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        var manual = await connection.ExecuteScalarAsync<long>("SELECT MIN(id) FROM manuals");
        var sha = new string('a', 64);
        var p = new { manual, sha, now = Now, precise = Precise, yes = true, no = false, data = new byte[] { 0, 1, 2, 250, 255 } };
        const string sql = """
            INSERT INTO users (id, user_name, normalized_user_name, display_name, email, password_hash, security_stamp, concurrency_stamp,
                               lockout_end, lockout_enabled, access_failed_count, is_disabled, created_at, must_change_password, access_overridden)
            VALUES (901, 'sato', 'SATO', '佐藤 花子', 'sato@example.com', 'hash', 'stamp', 'cstamp', @precise, @yes, 2, @no, @precise, @no, @yes);
            INSERT INTO user_roles (user_id, role) VALUES (901, 'Editor');
            INSERT INTO user_departments (user_id, department_id) VALUES (901, 1);
            INSERT INTO step_templates (name, name_key, description, body, required_sections, is_built_in, is_retired, created_at, updated_at, created_by_user_id)
            VALUES ('自作テンプレート', '自作テンプレート', '説明', '## 目的', '目的', @no, @yes, @precise, @now, 901);
            INSERT INTO images (sha256, content_type, width, height, byte_length, data, created_at, created_by)
            VALUES (@sha, 'image/png', 2, 3, 5, @data, @precise, 901);
            INSERT INTO image_variants (sha256, width, height, data) VALUES (@sha, 1, 1, @data);
            INSERT INTO manual_images (manual_id, sha256) VALUES (@manual, @sha);
            INSERT INTO search_misses (query, search_count, last_day, last_hits) VALUES ('年調 還付', 3, '2026-11-16', 0);
            INSERT INTO business_tasks (id, department_id, name, description, frequency, timing, criticality, created_at, updated_at)
            VALUES (901, 1, '月次決算', '月末の締め', 'Monthly', '第5営業日', 'High', @now, @precise);
            INSERT INTO task_manuals (task_id, manual_id) VALUES (901, @manual);
            INSERT INTO employees (id, name, department_id, email, status, status_date, user_id, created_at, updated_at)
            VALUES (901, '佐藤 花子', 1, NULL, 'LeavingScheduled', '2026-12-01', 901, @now, @now);
            INSERT INTO employees (id, name, department_id, email, status, status_date, user_id, created_at, updated_at)
            VALUES (902, '鈴木 一郎', 1, 'suzuki@example.com', 'Active', NULL, NULL, @now, @now);
            INSERT INTO skill_cells (employee_id, task_id, level, role, updated_at) VALUES (901, 901, 3, 'Primary', @precise);
            INSERT INTO skill_cells (employee_id, task_id, level, role, updated_at) VALUES (902, 901, 1, 'Backup', @now);
            INSERT INTO skill_changes (employee_id, task_id, from_level, from_role, to_level, to_role, changed_by_id, changed_by_name, changed_at)
            VALUES (901, 901, 2, 'None', 3, 'Primary', 901, '佐藤 花子', @precise);
            INSERT INTO handovers (id, employee_id, department_id, reason, effective_date, manager_name, note, status, version, created_by_name, created_at, updated_at, completed_at)
            VALUES (901, 901, 1, 'Leaving', '2026-12-01', '田中 部長', '備考', 'InProgress', 3, '田中 部長', @now, @precise, NULL);
            INSERT INTO handover_items (handover_id, task_id, position, basis, successor_id, due_before, due_after, checks, note)
            VALUES (901, 901, 1, 1, 902, '2026-11-30', NULL, 5, '同席済み');
            INSERT INTO handover_common_items (handover_id, kind, note, done) VALUES (901, 'Accounts', 'ID 移管', @yes);
            INSERT INTO handover_signoffs (handover_id, role, employee_id, name, signed_on, recorded_by_user_id, recorded_by_name, recorded_at, on_behalf)
            VALUES (901, 'Predecessor', 901, '佐藤 花子', '2026-11-20', 901, '佐藤 花子', @precise, @no);
            INSERT INTO handover_events (handover_id, kind, args, actor_name, at) VALUES (901, 'Created', '[]', '田中 部長', @precise);
            INSERT INTO sessions (id, user_id, ticket, created_at, expires_at, last_seen_at) VALUES (@sha, 901, @data, @now, @precise, @now);
            INSERT INTO data_protection_keys (name, xml, created_at) VALUES ('key-1', '<key />', @now);
            INSERT INTO audit_log (occurred_at, actor_user_id, actor_name, action, outcome, method, target_type, target_id, target_name, detail, client_address)
            VALUES (@precise, 901, '佐藤 花子', 'manual.update', 'success', 'local', 'manual', '1', '月次決算', NULL, '127.0.0.1');
            INSERT INTO audit_log (occurred_at, actor_user_id, actor_name, action, outcome, method, target_type, target_id, target_name, detail, client_address)
            VALUES (@now, NULL, 'system', 'import', 'failure', NULL, NULL, NULL, NULL, '詳細', NULL);
            INSERT INTO external_logins (provider, issuer, subject, user_id, created_at, last_sign_in_at) VALUES ('entra', 'https://login.example', 'sub-1', 901, @now, @precise);
            INSERT INTO directory_group_mappings (group_id, label, department_id, created_at) VALUES ('g-1', '経理', 1, @now);
            INSERT INTO search_nodes (node_id, applied_sequence, seen_at) VALUES ('node-a:0123', 5, @precise);
            INSERT INTO manual_favorites (user_id, manual_id, created_at) VALUES (901, @manual, @now);
            INSERT INTO manual_views (user_id, manual_id, viewed_at) VALUES (901, @manual, @precise);
            INSERT INTO reading_assignments (manual_id, user_id, department_id, due_on, assigned_by, assigned_at) VALUES (@manual, 901, NULL, '2026-12-01', 901, @now);
            INSERT INTO reading_assignments (manual_id, user_id, department_id, due_on, assigned_by, assigned_at) VALUES (@manual, NULL, 2, '2026-12-02', NULL, @now);
            INSERT INTO read_confirmations (manual_id, user_id, revision_number, confirmed_at) VALUES (@manual, 901, 1, @precise);
            INSERT INTO reading_opens (manual_id, user_id, revision_number, opened_at) VALUES (@manual, 901, 1, @precise);
            INSERT INTO check_questions (manual_id, position, question, choices, correct) VALUES (@manual, 1, '締め日は？', '["5日","10日"]', 0);
            INSERT INTO check_results (manual_id, user_id, failed_attempts, passed_on_attempt, passed_at, last_attempt_at) VALUES (@manual, 901, 1, 2, @precise, @now);
            INSERT INTO approval_stages (department_id, stage, approver_kind) VALUES (1, 1, 'Users');
            INSERT INTO approval_stage_users (department_id, stage, user_id) VALUES (1, 1, 901);
            INSERT INTO approval_requests (id, manual_id, base_revision, title, department_id, visibility, status, template, tag_lines, body, change_note, is_material,
                                           requested_by_id, requested_by_name, requested_at, stages, current_stage, state, closed_at)
            VALUES (901, @manual, 1, '改訂案', 1, 'Company', 'Published', NULL, '決算', '# 本文', '見直し', @yes, 901, '佐藤 花子', @precise, 'users:901', 1, 'SentBack', NULL);
            INSERT INTO approval_decisions (request_id, stage, decision, user_id, user_name, comment, decided_at) VALUES (901, 1, 'SentBack', 901, '佐藤 花子', '再確認を', @precise);
            INSERT INTO notifications (user_id, kind, args, url, dedupe_key, created_at, read_at) VALUES (901, 'ApprovalSentBack', '["改訂案"]', '/manuals/1', NULL, @precise, NULL);
            INSERT INTO notification_mail_optouts (user_id, kind) VALUES (901, 'Digest');
            INSERT INTO department_webhooks (department_id, kind, url) VALUES (1, 'slack', 'https://hooks.example/1');
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, p, cancellationToken: db.CancellationToken));
    }
}
