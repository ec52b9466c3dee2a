namespace Manuals.Core.Accounts;

/// <summary>
/// The keys that protect sign-in and antiforgery cookies (ASP.NET Core data protection), kept in the database so every
/// web node reads the same key ring: a cookie issued by one node is accepted by the others, and a restart of a node in
/// a container without a persistent home directory does not sign everyone out.
/// </summary>
public interface IKeyRingStore
{
    /// <summary>Every key element ever stored (as XML), oldest first. Keys are never deleted: expired ones still read old cookies until they expire.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    Task AddAsync(string name, string xml, DateTimeOffset now, CancellationToken cancellationToken);
}
