namespace Manuals.Core.Departments;

/// <summary>A back-office department (部署). The seven departments are seeded by the first migration.</summary>
public sealed record Department(long Id, string Name, int SortOrder);
