namespace Manuals.Core.Accounts;

/// <summary>Reads and writes what the sign-in machinery does not cover: listings, departments, counts.</summary>
public interface IAccountDirectory
{
    /// <summary>All users, ordered by user name.</summary>
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One user, or null when the id is unknown.</summary>
    Task<UserSummary?> FindAsync(long userId, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the user's department memberships.</summary>
    Task SetDepartmentsAsync(long userId, IReadOnlyCollection<long> departmentIds, CancellationToken cancellationToken);

    Task<IReadOnlySet<long>> GetDepartmentIdsAsync(long userId, CancellationToken cancellationToken);
}
