using System.Data.Common;
using Dapper;
using Manuals.Core.Accounts;

namespace Manuals.Data.Accounts;

/// <summary>Company accounts over Dapper, for both engines: the <c>external_logins</c> table and the users it links.</summary>
public sealed class ExternalAccountStore(IDbConnectionFactory connections) : IExternalAccountStore
{
    public async Task<ExternalAccount?> FindByLoginAsync(ExternalLogin login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        const string sql = """
            SELECT u.id, u.user_name, u.is_disabled, u.access_overridden
            FROM external_logins l
            JOIN users u ON u.id = l.user_id
            WHERE l.provider = @Provider AND l.issuer = @Issuer AND l.subject = @Subject
            """;
        const string rolesSql = "SELECT role FROM user_roles WHERE user_id = @id ORDER BY role";
        const string departmentsSql = "SELECT department_id FROM user_departments WHERE user_id = @id ORDER BY department_id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(sql, login, cancellationToken: cancellationToken));
        if (user is null)
        {
            return null;
        }

        var roles = await connection.QueryAsync<string>(new CommandDefinition(rolesSql, new { id = user.Id }, cancellationToken: cancellationToken));
        var departments = await connection.QueryAsync<long>(new CommandDefinition(departmentsSql, new { id = user.Id }, cancellationToken: cancellationToken));
        return new ExternalAccount(user.Id, user.UserName, user.IsDisabled, user.AccessOverridden, roles.ToList(), departments.ToList());
    }

    public async Task<long?> CreateAsync(NewExternalAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        const string userSql = """
            INSERT INTO users (user_name, normalized_user_name, display_name, email, password_hash, security_stamp,
                               concurrency_stamp, lockout_end, lockout_enabled, access_failed_count, is_disabled,
                               must_change_password, access_overridden, created_at)
            VALUES (@UserName, @NormalizedUserName, @DisplayName, @Email, NULL, @securityStamp,
                    @concurrencyStamp, NULL, @lockoutEnabled, 0, @disabled,
                    @mustChangePassword, @overridden, @now)
            RETURNING id
            """;
        const string loginSql = """
            INSERT INTO external_logins (provider, issuer, subject, user_id, created_at, last_sign_in_at)
            VALUES (@Provider, @Issuer, @Subject, @userId, @now, @now)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var userId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                userSql,
                new
                {
                    account.UserName,
                    account.NormalizedUserName,
                    account.DisplayName,
                    account.Email,
                    securityStamp = Guid.NewGuid().ToString("N"),
                    concurrencyStamp = Guid.NewGuid().ToString("N"),
                    lockoutEnabled = true,
                    disabled = false,
                    mustChangePassword = false,
                    overridden = false,
                    now,
                },
                transaction,
                cancellationToken: cancellationToken));
            await ReplaceAccessAsync(connection, transaction, userId, account.Access, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                loginSql,
                new { account.Login.Provider, account.Login.Issuer, account.Login.Subject, userId, now },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return userId;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The user name is taken, or a concurrent first sign-in of the same login committed first.
            await transaction.RollbackAsync(CancellationToken.None);
            return null;
        }
    }

    public async Task<bool> UpdateAtSignInAsync(
        long userId, ExternalLogin login, string? displayName, string? email, ExternalAccess? access, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        const string userSql = """
            UPDATE users
            SET display_name = COALESCE(@displayName, display_name), email = COALESCE(@email, email),
                concurrency_stamp = @concurrencyStamp
            WHERE id = @userId AND NOT is_disabled
            """;
        const string loginSql = """
            UPDATE external_logins SET last_sign_in_at = @now
            WHERE provider = @Provider AND issuer = @Issuer AND subject = @Subject AND user_id = @userId
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            userSql,
            new { userId, displayName, email, concurrencyStamp = Guid.NewGuid().ToString("N") },
            transaction,
            cancellationToken: cancellationToken));
        if (rows != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        if (access is not null)
        {
            await ReplaceAccessAsync(connection, transaction, userId, access, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            loginSql, new { login.Provider, login.Issuer, login.Subject, userId, now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyDictionary<long, ExternalLoginSummary>> ListLoginsAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT l.user_id, l.provider, l.issuer, l.created_at, l.last_sign_in_at, u.access_overridden
            FROM external_logins l
            JOIN users u ON u.id = l.user_id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LoginRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.LastSignInAt)!.ToSummary());
    }

    public async Task<ExternalLoginSummary?> FindLoginAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT l.user_id, l.provider, l.issuer, l.created_at, l.last_sign_in_at, u.access_overridden
            FROM external_logins l
            JOIN users u ON u.id = l.user_id
            WHERE l.user_id = @userId
            ORDER BY l.last_sign_in_at DESC
            LIMIT 1
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LoginRow>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return row?.ToSummary();
    }

    public async Task SetAccessOverriddenAsync(long userId, bool overridden, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE users SET access_overridden = @overridden WHERE id = @userId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, overridden }, cancellationToken: cancellationToken));
    }

    private static async Task ReplaceAccessAsync(
        DbConnection connection, DbTransaction transaction, long userId, ExternalAccess access, CancellationToken cancellationToken)
    {
        const string deleteRoles = "DELETE FROM user_roles WHERE user_id = @userId";
        const string insertRole = "INSERT INTO user_roles (user_id, role) VALUES (@userId, @role)";
        const string deleteDepartments = "DELETE FROM user_departments WHERE user_id = @userId";
        const string insertDepartment = "INSERT INTO user_departments (user_id, department_id) VALUES (@userId, @departmentId)";
        if (!Roles.IsKnown(access.Role))
        {
            throw new ArgumentException($"Unknown role '{access.Role}'.", nameof(access));
        }

        await connection.ExecuteAsync(new CommandDefinition(deleteRoles, new { userId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(insertRole, new { userId, role = access.Role }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(deleteDepartments, new { userId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            insertDepartment,
            access.DepartmentIds.Distinct().Select(departmentId => new { userId, departmentId }),
            transaction,
            cancellationToken: cancellationToken));
    }

    private sealed class AccountRow
    {
        public long Id { get; set; }

        public string UserName { get; set; } = "";

        public bool IsDisabled { get; set; }

        public bool AccessOverridden { get; set; }
    }

    private sealed class LoginRow
    {
        public long UserId { get; set; }

        public string Provider { get; set; } = "";

        public string Issuer { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset LastSignInAt { get; set; }

        public bool AccessOverridden { get; set; }

        public ExternalLoginSummary ToSummary() => new(UserId, Provider, Issuer, CreatedAt, LastSignInAt, AccessOverridden);
    }
}
