using Manuals.Core.Accounts;

namespace Manuals.Core.Tests.Accounts;

/// <summary>Company accounts in memory, with the store's rules: unique logins and unique normalized user names.</summary>
internal sealed class FakeExternalAccountStore : IExternalAccountStore
{
    private readonly List<Row> _rows = [];

    /// <summary>Whether a normalized user name belongs to a user outside this store (a local account).</summary>
    public Func<string, bool> IsTaken { get; set; } = _ => false;

    /// <summary>Runs once, before the next create: another request's first sign-in that commits first.</summary>
    public Action? BeforeCreate { get; set; }

    public int Count => _rows.Count;

    public Row Single() => Assert.Single(_rows);

    public Row Find(string subject) => _rows.Single(r => r.Login.Subject == subject);

    public long Seed(ExternalLogin login, string userName, string role, IReadOnlyList<long> departments, bool overridden = false, bool disabled = false)
    {
        var row = new Row(_rows.Count + 100, login, userName, userName.ToUpperInvariant())
        {
            DisplayName = "seeded",
            Roles = [role],
            DepartmentIds = departments.ToList(),
            AccessOverridden = overridden,
            IsDisabled = disabled,
        };
        _rows.Add(row);
        return row.UserId;
    }

    public Task<ExternalAccount?> FindByLoginAsync(ExternalLogin login, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.SingleOrDefault(r => r.Login == login) is { } r
            ? new ExternalAccount(r.UserId, r.UserName, r.IsDisabled, r.AccessOverridden, r.Roles.ToList(), r.DepartmentIds.Order().ToList())
            : null);

    public Task<long?> CreateAsync(NewExternalAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = BeforeCreate;
        BeforeCreate = null;
        before?.Invoke();
        if (_rows.Any(r => r.Login == account.Login || r.NormalizedUserName == account.NormalizedUserName)
            || IsTaken(account.NormalizedUserName))
        {
            return Task.FromResult<long?>(null);
        }

        var row = new Row(_rows.Count + 100, account.Login, account.UserName, account.NormalizedUserName)
        {
            DisplayName = account.DisplayName,
            Email = account.Email,
            Roles = [account.Access.Role],
            DepartmentIds = account.Access.DepartmentIds.ToList(),
            LastSignInAt = now,
        };
        _rows.Add(row);
        return Task.FromResult<long?>(row.UserId);
    }

    public Task<bool> UpdateAtSignInAsync(
        long userId, ExternalLogin login, string? displayName, string? email, ExternalAccess? access, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var row = _rows.SingleOrDefault(r => r.UserId == userId);
        if (row is null || row.IsDisabled)
        {
            return Task.FromResult(false);
        }

        row.DisplayName = displayName ?? row.DisplayName;
        row.Email = email ?? row.Email;
        if (access is not null)
        {
            row.Roles = [access.Role];
            row.DepartmentIds = access.DepartmentIds.ToList();
        }

        row.LastSignInAt = now;
        return Task.FromResult(true);
    }

    public Task<IReadOnlyDictionary<long, ExternalLoginSummary>> ListLoginsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ExternalLoginSummary?> FindLoginAsync(long userId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task SetAccessOverriddenAsync(long userId, bool overridden, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    internal sealed record Row(long UserId, ExternalLogin Login, string UserName, string NormalizedUserName)
    {
        public string DisplayName { get; set; } = "";

        public string? Email { get; set; }

        public IReadOnlyList<string> Roles { get; set; } = [];

        public IReadOnlyList<long> DepartmentIds { get; set; } = [];

        public bool AccessOverridden { get; set; }

        public bool IsDisabled { get; set; }

        public DateTimeOffset? LastSignInAt { get; set; }
    }
}
