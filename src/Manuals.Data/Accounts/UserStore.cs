using System.Globalization;
using Dapper;
using Manuals.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Manuals.Data.Accounts;

/// <summary>
/// ASP.NET Core Identity's user store over Dapper, for both engines. Identity changes the <see cref="User"/>
/// object through the setters and then calls <see cref="UpdateAsync"/>; roles are written at once.
/// </summary>
public sealed class UserStore(IDbConnectionFactory connections, IdentityErrorDescriber? describer = null) :
    IUserPasswordStore<User>,
    IUserSecurityStampStore<User>,
    IUserLockoutStore<User>,
    IUserRoleStore<User>,
    IAccountDirectory
{
    private const string UserColumns = """
        id, user_name, normalized_user_name, display_name, email, password_hash, security_stamp, concurrency_stamp,
        lockout_end, lockout_enabled, access_failed_count, is_disabled, must_change_password, created_at
        """;

    public async Task<IdentityResult> CreateAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        const string sql = """
            INSERT INTO users (user_name, normalized_user_name, display_name, email, password_hash, security_stamp,
                               concurrency_stamp, lockout_end, lockout_enabled, access_failed_count, is_disabled,
                               must_change_password, created_at)
            VALUES (@UserName, @NormalizedUserName, @DisplayName, @Email, @PasswordHash, @SecurityStamp,
                    @ConcurrencyStamp, @LockoutEnd, @LockoutEnabled, @AccessFailedCount, @IsDisabled,
                    @MustChangePassword, @CreatedAt)
            RETURNING id
            """;
        if (user.CreatedAt == default)
        {
            user.CreatedAt = DateTimeOffset.UtcNow;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            user.Id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, user, cancellationToken: cancellationToken));
            return IdentityResult.Success;
        }
        catch (System.Data.Common.DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Two requests created the same name at once; Identity's own check could not see the other one.
            return IdentityResult.Failed((describer ?? new IdentityErrorDescriber()).DuplicateUserName(user.UserName));
        }
    }

    public async Task<IdentityResult> UpdateAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        const string sql = """
            UPDATE users
            SET user_name = @UserName, normalized_user_name = @NormalizedUserName, display_name = @DisplayName,
                email = @Email, password_hash = @PasswordHash, security_stamp = @SecurityStamp,
                concurrency_stamp = @newStamp, lockout_end = @LockoutEnd, lockout_enabled = @LockoutEnabled,
                access_failed_count = @AccessFailedCount, is_disabled = @IsDisabled,
                must_change_password = @MustChangePassword
            WHERE id = @Id AND concurrency_stamp = @ConcurrencyStamp
            """;
        var newStamp = Guid.NewGuid().ToString("N");
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                user.Id,
                user.UserName,
                user.NormalizedUserName,
                user.DisplayName,
                user.Email,
                user.PasswordHash,
                user.SecurityStamp,
                user.ConcurrencyStamp,
                newStamp,
                user.LockoutEnd,
                user.LockoutEnabled,
                user.AccessFailedCount,
                user.IsDisabled,
                user.MustChangePassword,
            },
            cancellationToken: cancellationToken));
        if (rows != 1)
        {
            return IdentityResult.Failed((describer ?? new IdentityErrorDescriber()).ConcurrencyFailure());
        }

        user.ConcurrencyStamp = newStamp;
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        const string sql = "DELETE FROM users WHERE id = @Id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { user.Id }, cancellationToken: cancellationToken));
        return IdentityResult.Success;
    }

    public async Task<User?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        const string sql = $"SELECT {UserColumns} FROM users WHERE id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {UserColumns} FROM users WHERE normalized_user_name = @normalizedUserName";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(
            new CommandDefinition(sql, new { normalizedUserName }, cancellationToken: cancellationToken));
    }

    public Task<string> GetUserIdAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(Required(user).Id.ToString(CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(Required(user).UserName);

    public Task SetUserNameAsync(User user, string? userName, CancellationToken cancellationToken)
    {
        Required(user).UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(Required(user).NormalizedUserName);

    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken cancellationToken)
    {
        Required(user).NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(User user, string? passwordHash, CancellationToken cancellationToken)
    {
        Required(user).PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(Required(user).PasswordHash);

    public Task<bool> HasPasswordAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(Required(user).PasswordHash is not null);

    public Task SetSecurityStampAsync(User user, string stamp, CancellationToken cancellationToken)
    {
        Required(user).SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(Required(user).SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(Required(user).LockoutEnd);

    public Task SetLockoutEndDateAsync(User user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        Required(user).LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(++Required(user).AccessFailedCount);

    public Task ResetAccessFailedCountAsync(User user, CancellationToken cancellationToken)
    {
        Required(user).AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(Required(user).AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(Required(user).LockoutEnabled);

    public Task SetLockoutEnabledAsync(User user, bool enabled, CancellationToken cancellationToken)
    {
        Required(user).LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public async Task AddToRoleAsync(User user, string roleName, CancellationToken cancellationToken)
    {
        var role = CanonicalRole(roleName);
        const string sql = """
            INSERT INTO user_roles (user_id, role) VALUES (@userId, @role)
            ON CONFLICT (user_id, role) DO NOTHING
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId = Required(user).Id, role }, cancellationToken: cancellationToken));
    }

    public async Task RemoveFromRoleAsync(User user, string roleName, CancellationToken cancellationToken)
    {
        var role = CanonicalRole(roleName);
        const string sql = "DELETE FROM user_roles WHERE user_id = @userId AND role = @role";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId = Required(user).Id, role }, cancellationToken: cancellationToken));
    }

    public async Task<IList<string>> GetRolesAsync(User user, CancellationToken cancellationToken)
    {
        const string sql = "SELECT role FROM user_roles WHERE user_id = @userId ORDER BY role";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var roles = await connection.QueryAsync<string>(new CommandDefinition(sql, new { userId = Required(user).Id }, cancellationToken: cancellationToken));
        return roles.ToList();
    }

    public async Task<bool> IsInRoleAsync(User user, string roleName, CancellationToken cancellationToken) =>
        (await GetRolesAsync(user, cancellationToken)).Contains(CanonicalRole(roleName), StringComparer.Ordinal);

    public async Task<IList<User>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = CanonicalRole(roleName);
        const string sql = $"SELECT {UserColumns} FROM users WHERE id IN (SELECT user_id FROM user_roles WHERE role = @role) ORDER BY user_name";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var users = await connection.QueryAsync<User>(new CommandDefinition(sql, new { role }, cancellationToken: cancellationToken));
        return users.ToList();
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, user_name, display_name, email, is_disabled, lockout_end FROM users ORDER BY user_name";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var users = await connection.QueryAsync<User>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var roles = await LoadPairsAsync<string>(connection, "SELECT user_id, role FROM user_roles", cancellationToken);
        var departments = await LoadPairsAsync<long>(connection, "SELECT user_id, department_id FROM user_departments", cancellationToken);
        return users.Select(u => ToSummary(u, roles, departments)).ToList();
    }

    public async Task<UserSummary?> FindAsync(long userId, CancellationToken cancellationToken)
    {
        var user = await FindByIdAsync(userId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await GetRolesAsync(user, cancellationToken);
        var departments = await GetDepartmentIdsAsync(userId, cancellationToken);
        return new UserSummary(user.Id, user.UserName, user.DisplayName, user.Email, user.IsDisabled, user.LockoutEnd,
            roles.ToList(), departments.Order().ToList());
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM users";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    public async Task SetDepartmentsAsync(long userId, IReadOnlyCollection<long> departmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        const string deleteSql = "DELETE FROM user_departments WHERE user_id = @userId";
        const string insertSql = "INSERT INTO user_departments (user_id, department_id) VALUES (@userId, @departmentId)";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(deleteSql, new { userId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            insertSql,
            departmentIds.Distinct().Select(departmentId => new { userId, departmentId }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<long>> GetDepartmentIdsAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT department_id FROM user_departments WHERE user_id = @userId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return ids.ToHashSet();
    }

    public void Dispose()
    {
        // Connections are opened per operation; nothing is held.
    }

    private static User Required(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user;
    }

    /// <summary>Identity passes role names as given or normalised (upper case); the table holds the canonical name.</summary>
    private static string CanonicalRole(string roleName) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown role '{roleName}'.", nameof(roleName));

    private static async Task<ILookup<long, T>> LoadPairsAsync<T>(System.Data.Common.DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(long UserId, T Value)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.UserId, r => r.Value);
    }

    private static UserSummary ToSummary(User user, ILookup<long, string> roles, ILookup<long, long> departments) =>
        new(user.Id, user.UserName, user.DisplayName, user.Email, user.IsDisabled, user.LockoutEnd,
            roles[user.Id].Order(StringComparer.Ordinal).ToList(), departments[user.Id].Order().ToList());
}
